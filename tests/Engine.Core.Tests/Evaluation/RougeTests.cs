using System.Text.Json;
using Engine.Evaluation;
using Engine.Summarization;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Evaluation;

/// <summary>The engine's ROUGE is the project's: it agrees with <c>rouge.py</c> on every measure.</summary>
[Trait("Category", "Corpus")]
public class RougeTests
{
    [Fact]
    public void Rouge_EascDev_AgreesWithTheReferenceScorerTo1e6()
    {
        var docs = TestData.ReadJsonLines(TestData.EascPath).Where(e => e.GetProperty("split").GetString() == "dev")
            .Select(e => (Id: e.GetProperty("id").GetString()!, Text: e.GetProperty("text").GetString()!, References: e.GetProperty("references").EnumerateArray().Select(r => r.GetString()!).ToArray())).ToList();
        string summaries = Path.Combine(Path.GetTempPath(), $"engine-rouge-{Guid.NewGuid():N}.jsonl");
        try
        {
            var results = new List<RougeResult>();
            using (var writer = new StreamWriter(summaries))
            {
                foreach (var d in docs)
                {
                    string[] sentences = Summarizer.Summarize(d.Text, new SummarizerOptions { Budget = SummaryBudget.Ratio(0.33) }).SentenceTexts.ToArray();
                    results.Add(Rouge.Score(string.Join('\n', sentences), d.References));
                    writer.WriteLine(JsonSerializer.Serialize(new { id = d.Id, sentences }));
                }
            }

            RougeResult ours = Rouge.Mean(results);
            using JsonDocument python = Python.RunJson("rouge.py", "--corpus", TestData.EascPath, "--summaries", summaries, "--split", "dev", "--json");
            foreach (var (name, score) in new[] { ("rouge1", ours.Rouge1), ("rouge2", ours.Rouge2), ("rougeL", ours.RougeL) })
            {
                JsonElement theirs = python.RootElement.GetProperty(name);
                Assert.Equal(theirs.GetProperty("f").GetDouble(), score.F1, 1e-6);
                Assert.Equal(theirs.GetProperty("r").GetDouble(), score.Recall, 1e-6);
                Assert.Equal(theirs.GetProperty("p").GetDouble(), score.Precision, 1e-6);
            }
        }
        finally
        {
            File.Delete(summaries);
        }
    }
}
