using System.Text.Json;
using Engine.Evaluation;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Evaluation;

/// <summary>The engine's quote scorer is the project's: it agrees with <c>quotes_score.py</c>.</summary>
[Trait("Category", "Corpus")]
public class QuoteScorerTests
{
    [Fact]
    public void Scorer_AgreesWithTheReferenceScorer()
    {
        List<QuoteArticle> articles = QuoteEvaluation.Load(TestData.NewsPath, Path.Combine(TestData.Shared, "eval", "quotes-dev.jsonl"), "dev");
        var scores = new QuoteScores();
        foreach (QuoteArticle a in articles)
        {
            QuoteScorer.ScoreArticle(a.Gold, Engine.Quotes.QuoteExtractor.Extract(a.Text).Quotes, scores);
        }

        string pred = Path.Combine(Path.GetTempPath(), $"engine-cv-{Guid.NewGuid():N}.jsonl");
        try
        {
            File.WriteAllLines(pred, articles.Select(a => JsonSerializer.Serialize(new
            {
                id = a.Id,
                quotes = Engine.Quotes.QuoteExtractor.Extract(a.Text).Quotes.Select(q => new { content = q.Content, speaker = q.Speaker, speaker_name = q.SpeakerName, speaker_canonical = q.SpeakerCanonical }),
            })));
            using var reference = Python.RunJson("quotes_score.py", "--gold", Path.Combine(TestData.Shared, "eval", "quotes-dev.jsonl"), "--pred", pred, "--json");
            Assert.Equal(reference.RootElement.GetProperty("end_to_end").GetProperty("f").GetDouble(), scores.EndToEndF1, 9);
            Assert.Equal(reference.RootElement.GetProperty("quote").GetProperty("f").GetDouble(), scores.QuoteF1, 9);
            Assert.Equal(reference.RootElement.GetProperty("speaker_accuracy").GetDouble(), scores.SpeakerAccuracy, 9);
        }
        finally
        {
            File.Delete(pred);
        }
    }
}
