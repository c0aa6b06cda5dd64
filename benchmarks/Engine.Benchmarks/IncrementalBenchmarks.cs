using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Engine.Text;
using Engine.Analysis;
using Engine.Benchmarks.Infrastructure;
using Engine.Incremental;
using Engine.Quotes;
using Engine.Summarization;

namespace Engine.Benchmarks;

/// <summary>
/// A one-word edit in documents of about 100, 1,000 and 10,000 sentences (news articles repeated as
/// needed): the session's incremental update against a full analysis of the same edited text
/// (one pooled analysis, its summary and its quotes from scratch: the baseline).
/// </summary>
[Config(typeof(MedianBenchmarkConfig))]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 40, iterationCount: 25, invocationCount: 8)]
public class IncrementalBenchmarks
{
    private DocumentSession _session = null!;
    private string _edited = "";
    private int _at;
    private bool _flip;

    [Params(100, 1000, 10000)]
    public int Sentences { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string[] news = Corpus.News();
        var text = new System.Text.StringBuilder();
        int count = 0;
        for (int i = 0; count < Sentences; i++)
        {
            string doc = news[i % news.Length];
            text.Append(doc).Append('\n');
            count += AnalysisPool.Analyze(doc, 0, static (a, _) => a.Sentences.Length);
        }

        string document = text.ToString();
        _at = document.IndexOf(" الحكومة ", document.Length / 2, StringComparison.Ordinal) + 1;
        _edited = string.Concat(document.AsSpan(0, _at), "السلطة", document.AsSpan(_at + "الحكومة".Length));
        _session = DocumentSession.Open(document);
    }

    [GlobalCleanup]
    public void Cleanup() => _session.Dispose();

    [Benchmark(Baseline = true, Description = "Full analysis")]
    public long Full() =>
        AnalysisPool.Analyze(_edited, 0, static (analysis, _) => Read(DocumentResult.Analyze(analysis)));

    [Benchmark(Description = "Incremental update")]
    public long Incremental()
    {
        // Alternate the word and back, so every invocation is the same one-word edit.
        _flip = !_flip;
        TextChange change = _flip
            ? new TextChange(_at, _at + "الحكومة".Length, "السلطة")
            : new TextChange(_at, _at + "السلطة".Length, "الحكومة");
        EditResult result = _session.Apply(_session.Version, [change]);
        return Read(result.Result) + result.Stats.SentencesAnalyzed;
    }

    /// <summary>Reads every summary sentence, every quote with its place and the keyphrases, as a client of either would.</summary>
    private static long Read(DocumentResult result)
    {
        (Summary summary, QuoteResult quotes) = (result.Summary, result.Quotes);
        long sum = result.Keyphrases.Count;
        foreach (ScoredSentence s in summary.Sentences)
        {
            sum += s.Start;
        }

        foreach (Quote q in quotes.Quotes)
        {
            sum += q.ContentSpan.Start + q.SpeakerSpan.Start;
        }

        return sum;
    }
}
