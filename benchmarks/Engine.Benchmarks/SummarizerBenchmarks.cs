using BenchmarkDotNet.Attributes;
using Engine.Benchmarks.Infrastructure;
using Engine.Summarization;

namespace Engine.Benchmarks;

/// <summary>
/// Summarizing one EASC-sized article (the EASC article nearest 380 words) end to end in-process:
/// tokenize, split, analyse, score, select. The built-in Lead is the baseline.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class SummarizerBenchmarks : IHasPayload
{
    private static readonly SummarizerOptions Engine = new() { Budget = SummaryBudget.Ratio(0.33) };
    private static readonly SummarizerOptions Lead = Engine with { Algorithm = SummaryAlgorithm.Lead };
    private string _article = "";

    public long BytesPerOperation => _article.Length * sizeof(char);

    [GlobalSetup]
    public void Setup() =>
        _article = Corpus.Easc().OrderBy(t => Math.Abs(t.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length - 380)).ThenBy(t => t, StringComparer.Ordinal).First();

    [Benchmark(Baseline = true, Description = "Lead")]
    public Summary SummarizeLead() => Summarizer.Summarize(_article, Lead);

    [Benchmark(Description = "Engine")]
    public Summary SummarizeEngine() => Summarizer.Summarize(_article, Engine);

    [Benchmark(Description = "LexRank")]
    public Summary SummarizeLexRank() => Summarizer.Summarize(_article, Engine with { Algorithm = SummaryAlgorithm.LexRank });
}
