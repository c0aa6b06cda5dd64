using System.Text.Json;
using Engine.Quotes;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Quotes;

/// <summary>
/// Quote attribution on the news dev split, scored by the project's scorer. The recorded values are
/// what the extractor scored when last tuned (dev only); end-to-end F1 may not drop more than 0.02.
/// </summary>
[Trait("Category", "Corpus")]
public class QuoteQualityTests
{
    private const double RecordedEndToEndF1 = 0.865;
    private const double RecordedQuoteF1 = 0.930;

    [Fact]
    public void Extract_NewsDev_HoldsItsRecordedScores()
    {
        string pred = Path.Combine(Path.GetTempPath(), $"engine-quotes-{Guid.NewGuid():N}.jsonl");
        try
        {
            using (var writer = new StreamWriter(pred))
            {
                foreach (JsonElement article in TestData.ReadJsonLines(TestData.NewsPath))
                {
                    if (article.GetProperty("split").GetString() != "dev")
                    {
                        continue;
                    }

                    QuoteResult result = QuoteExtractor.Extract(article.GetProperty("text").GetString()!);
                    writer.WriteLine(JsonSerializer.Serialize(new
                    {
                        id = article.GetProperty("id").GetString(),
                        quotes = result.Quotes.Select(q => new { kind = q.Kind.ToString().ToLowerInvariant(), content = q.Content, speaker = q.Speaker, speaker_name = q.SpeakerName, speaker_canonical = q.SpeakerCanonical, cue = q.Cue }),
                    }));
                }
            }

            using JsonDocument score = Python.RunJson("quotes_score.py", "--gold", Path.Combine(TestData.Shared, "eval", "quotes-dev.jsonl"), "--pred", pred, "--json");
            double endToEnd = score.RootElement.GetProperty("end_to_end").GetProperty("f").GetDouble();
            double quoteF1 = score.RootElement.GetProperty("quote").GetProperty("f").GetDouble();

            Assert.True(endToEnd >= RecordedEndToEndF1 - 0.02, $"end-to-end F1 {endToEnd:F3}, recorded {RecordedEndToEndF1}");
            Assert.True(quoteF1 >= RecordedQuoteF1 - 0.02, $"quote F1 {quoteF1:F3}, recorded {RecordedQuoteF1}");
        }
        finally
        {
            File.Delete(pred);
        }
    }
}
