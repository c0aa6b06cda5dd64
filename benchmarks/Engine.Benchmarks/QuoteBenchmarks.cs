using BenchmarkDotNet.Attributes;
using Engine.Analysis;
using Engine.Benchmarks.Infrastructure;
using Engine.Quotes;

namespace Engine.Benchmarks;

/// <summary>
/// Quote extraction over the news corpus (every article of the three news files, one after another),
/// beside the analysis it reads (tokens and sentences of the same texts) as the baseline: the ratio
/// is what extraction costs on top of analysing the text, comparable across engine versions.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class QuoteBenchmarks : IHasPayload
{
    private string[] _articles = [];

    public long BytesPerOperation => _articles.Sum(a => (long)a.Length) * sizeof(char);

    [GlobalSetup]
    public void Setup() =>
        _articles = [.. Corpus.News(), .. Corpus.Texts("corpus/news/articles-2.jsonl"), .. Corpus.Texts("corpus/news/articles-3.jsonl")];

    [Benchmark(Baseline = true, Description = "Analyse (tokens, sentences)")]
    public long Analyse()
    {
        long tokens = 0;
        foreach (string article in _articles)
        {
            tokens += AnalysisPool.Analyze(article, 0, static (analysis, _) => analysis.Tokens.Length + analysis.Sentences.Length);
        }

        return tokens;
    }

    [Benchmark(Description = "Analyse + extract quotes")]
    public long ExtractQuotes()
    {
        long quotes = 0;
        foreach (string article in _articles)
        {
            quotes += QuoteExtractor.Extract(article).Quotes.Count;
        }

        return quotes;
    }
}
