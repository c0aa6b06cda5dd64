using Engine.Evaluation;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Quotes;

/// <summary>
/// Quote attribution on the 140 dev articles (three annotator groups), by 5-fold cross-validation
/// as <c>engine eval-quotes</c> computes it. The recorded values are the last measured ones; a change
/// may not lower the held-out mean or the whole-dev score by more than 0.01, and the confidence must
/// keep its meaning on held-out folds.
/// </summary>
[Trait("Category", "Corpus")]
public class QuoteCrossValidationTests
{
    private const double RecordedCvEndToEndF1 = 0.832;
    private const double RecordedCvQuoteF1 = 0.907;
    private const double RecordedCvSpeakerAccuracy = 0.918;
    private const double RecordedWholeEndToEndF1 = 0.832;
    private const double Slack = 0.01;

    private static readonly Lazy<QuoteEvaluationReport> Report = new(() => QuoteEvaluation.Run(DevArticles(), folds: 5));

    [Fact]
    public void CrossValidation_DevArticles_HoldsItsRecordedScores()
    {
        QuoteEvaluationReport report = Report.Value;

        Assert.Equal(2078, report.Whole.Gold);
        Assert.True(report.Mean(s => s.EndToEndF1) >= RecordedCvEndToEndF1 - Slack, $"CV end-to-end F1 {report.Mean(s => s.EndToEndF1):F3}");
        Assert.True(report.Mean(s => s.QuoteF1) >= RecordedCvQuoteF1 - Slack, $"CV quote F1 {report.Mean(s => s.QuoteF1):F3}");
        Assert.True(report.Mean(s => s.SpeakerAccuracy) >= RecordedCvSpeakerAccuracy - Slack, $"CV speaker accuracy {report.Mean(s => s.SpeakerAccuracy):F3}");
        Assert.True(report.Whole.EndToEndF1 >= RecordedWholeEndToEndF1 - Slack, $"whole-dev end-to-end F1 {report.Whole.EndToEndF1:F3}");
    }

    [Fact]
    public void CrossValidation_HeldOutConfidence_IsReliable()
    {
        foreach (ReliabilityRow row in Report.Value.Reliability)
        {
            Assert.True(row.Quotes > 100, $"only {row.Quotes} quotes at confidence >= {row.Threshold}");
            Assert.True(row.Precision >= row.Threshold - 0.05, $"precision {row.Precision:F3} at confidence >= {row.Threshold}");
        }
    }

    [Fact]
    public void CrossValidation_MinConfidence_TradesRecallForPrecision()
    {
        QuoteEvaluationReport filtered = QuoteEvaluation.Run(DevArticles(), folds: 5, minConfidence: 0.8);

        Assert.True(filtered.Whole.EndToEndPrecision > Report.Value.Whole.EndToEndPrecision);
        Assert.True(filtered.Whole.Predicted < Report.Value.Whole.Predicted);
    }

    private static List<QuoteArticle> DevArticles()
    {
        string news = Path.Combine(TestData.Shared, "corpus", "news");
        string eval = Path.Combine(TestData.Shared, "eval");
        return
        [
            .. QuoteEvaluation.Load(Path.Combine(news, "articles.jsonl"), Path.Combine(eval, "quotes-dev.jsonl"), "dev"),
            .. QuoteEvaluation.Load(Path.Combine(news, "articles-2.jsonl"), Path.Combine(eval, "quotes-dev2.jsonl"), "dev2"),
            .. QuoteEvaluation.Load(Path.Combine(news, "articles-3.jsonl"), Path.Combine(eval, "quotes-dev3.jsonl"), "dev3"),
        ];
    }
}
