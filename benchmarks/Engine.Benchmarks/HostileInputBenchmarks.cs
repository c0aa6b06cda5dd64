using BenchmarkDotNet.Attributes;
using Engine.Analysis;
using Engine.Benchmarks.Infrastructure;
using Engine.Quotes;
using Engine.Summarization;

namespace Engine.Benchmarks;

/// <summary>
/// Texts built to find superlinear work: quote marks alone (every one unmatched), one endless
/// sentence dense with quotes and cues, and an ordinary article repeated. Each runs at three
/// sizes, four times apart, beside the analysis of the same text as the baseline: with every
/// step linear the ratio stays flat as the size grows, and the time per size grows 4× per row.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class HostileInputBenchmarks
{
    private string _text = "";

    [Params("marks", "quote-dense", "article")]
    public string Shape { get; set; } = "marks";

    [Params(100_000, 400_000, 1_600_000)]
    public int Chars { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string unit = Shape switch
        {
            "marks" => "«",
            "quote-dense" => "قال الوزير «سنواصل العمل» وأضاف أن ",
            _ => Corpus.News()[0] + "\n",
        };
        var text = new System.Text.StringBuilder(Chars + unit.Length);
        while (text.Length < Chars)
        {
            text.Append(unit);
        }

        _text = text.ToString(0, Chars);
    }

    [Benchmark(Baseline = true, Description = "Analyse (tokens, sentences)")]
    public int Analyse() => AnalysisPool.Analyze(_text, 0, static (analysis, _) => analysis.Tokens.Length);

    [Benchmark(Description = "Analyse + extract quotes")]
    public int ExtractQuotes() => QuoteExtractor.Extract(_text).Diagnostics.Count;

    [Benchmark(Description = "Analyse + summarize")]
    public int Summarize() => Summarizer.Summarize(_text).Sentences.Count;
}
