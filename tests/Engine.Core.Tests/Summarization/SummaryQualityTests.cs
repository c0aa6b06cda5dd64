using Engine.Evaluation;
using Engine.Summarization;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Summarization;

/// <summary>
/// Summary quality on the dev splits, guarded against regressions. The recorded values are what the
/// engine scored when its weights were tuned (dev only); a drop of more than 0.01 fails.
/// </summary>
[Trait("Category", "Corpus")]
public class SummaryQualityTests
{
    private const double RecordedEascDevRouge1 = 0.4957;
    private const double RecordedEascDevRouge2 = 0.4165;
    private const double RecordedNewsDevRouge1 = 0.6153;
    private const double Tolerance = 0.01;

    private static readonly string NewsGoldPath = Path.Combine(TestData.Shared, "eval", "summaries-news-dev.jsonl");

    private static List<(string Id, string Split, string Text, string[] References)> Corpus(string path) =>
        TestData.ReadJsonLines(path).Select(e => (
            e.GetProperty("id").GetString()!,
            e.GetProperty("split").GetString()!,
            e.GetProperty("text").GetString()!,
            e.GetProperty("references").EnumerateArray().Select(r => r.GetString()!).ToArray())).ToList();

    private static RougeResult Evaluate(string path, string split, SummarizerOptions options)
    {
        var docs = Corpus(path).Where(d => d.Split == split).ToList();
        return Rouge.Mean(docs.Select(d => Rouge.Score(string.Join('\n', Summarizer.Summarize(d.Text, options).SentenceTexts), d.References)).ToList());
    }

    [Fact]
    public void Engine_EascDev_HoldsItsRecordedScoreAndBeatsLead()
    {
        var options = new SummarizerOptions { Budget = SummaryBudget.Ratio(0.33) };
        RougeResult engine = Evaluate(TestData.EascPath, "dev", options);
        RougeResult lead = Evaluate(TestData.EascPath, "dev", options with { Algorithm = SummaryAlgorithm.Lead });

        Assert.True(engine.Rouge1.F1 >= RecordedEascDevRouge1 - Tolerance, $"ROUGE-1 F {engine.Rouge1.F1:F4}, recorded {RecordedEascDevRouge1}");
        Assert.True(engine.Rouge2.F1 >= RecordedEascDevRouge2 - Tolerance, $"ROUGE-2 F {engine.Rouge2.F1:F4}, recorded {RecordedEascDevRouge2}");
        Assert.True(engine.Rouge1.F1 > lead.Rouge1.F1 && engine.Rouge2.F1 > lead.Rouge2.F1);
    }

    [Fact]
    public void Engine_NewsDev_BeatsLead()
    {
        var options = new SummarizerOptions { Budget = SummaryBudget.Ratio(0.2) };
        RougeResult engine = Evaluate(NewsGoldPath, "dev", options);
        RougeResult lead = Evaluate(NewsGoldPath, "dev", options with { Algorithm = SummaryAlgorithm.Lead });

        Assert.True(engine.Rouge1.F1 >= RecordedNewsDevRouge1 - Tolerance, $"ROUGE-1 F {engine.Rouge1.F1:F4}, recorded {RecordedNewsDevRouge1}");
        Assert.True(engine.Rouge1.F1 > lead.Rouge1.F1, $"engine {engine.Rouge1.F1:F4} vs lead {lead.Rouge1.F1:F4}");
    }
}
