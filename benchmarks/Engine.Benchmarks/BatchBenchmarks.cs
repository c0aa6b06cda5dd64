using BenchmarkDotNet.Attributes;
using Engine.Analysis;
using Engine.Benchmarks.Infrastructure;
using Engine.Quotes;
using Engine.Summarization;

namespace Engine.Benchmarks;

/// <summary>
/// What a batch costs in process, one thread: every EASC document (153) summarized, its quotes
/// extracted, or both from one analysis, as <c>engine summarize|quotes|analyze --jsonl</c> do
/// (the CLI reads EASC ×20 with two workers; divide by 153 for a document). Summarizing is the
/// baseline.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class BatchBenchmarks : IHasPayload
{
    private static readonly SummarizerOptions Options = new() { Budget = SummaryBudget.Ratio(0.33) };
    private string[] _documents = [];

    public long BytesPerOperation => _documents.Sum(d => (long)d.Length) * sizeof(char);

    [GlobalSetup]
    public void Setup() => _documents = [.. Corpus.Easc()];

    [Benchmark(Baseline = true, Description = "summarize")]
    public int Summarize()
    {
        int sentences = 0;
        foreach (string text in _documents)
        {
            sentences += Summarizer.Summarize(text, Options).Sentences.Count;
        }

        return sentences;
    }

    [Benchmark(Description = "quotes")]
    public int Quotes()
    {
        int quotes = 0;
        foreach (string text in _documents)
        {
            quotes += QuoteExtractor.Extract(text).Quotes.Count;
        }

        return quotes;
    }

    [Benchmark(Description = "analyze (both, one analysis)")]
    public int Analyze()
    {
        int items = 0;
        foreach (string text in _documents)
        {
            items += AnalysisPool.Analyze(text, Options, static (analysis, o) => Summarizer.Summarize(analysis, o).Sentences.Count + QuoteExtractor.Extract(analysis).Quotes.Count);
        }

        return items;
    }
}
