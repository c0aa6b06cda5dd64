using Engine.Analysis;
using Engine.Evaluation;
using Engine.Keyphrases;
using Engine.Lexing;
using Engine.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Engine.Tests.Keyphrases;

/// <summary>
/// Keyphrases against the human summaries of the dev sets: the share of a document's keyphrases
/// whose every stem occurs in its reference summaries (precision at 10). A keyphrase the
/// summaries never mention is one a reader would not call key.
/// </summary>
[Trait("Category", "Corpus")]
public class KeyphraseQualityTests(ITestOutputHelper output)
{
    private static IReadOnlyList<ReferenceDocument> Dev() =>
    [
        .. SummaryTuning.Load(Path.Combine(TestData.Shared, "eval", "summaries-news-dev.jsonl"), "all", 0.2, "news"),
        .. SummaryTuning.Load(Path.Combine(TestData.Shared, "eval", "summaries-news-dev2.jsonl"), "all", 0.2, "news"),
        .. SummaryTuning.Load(Path.Combine(TestData.Shared, "eval", "summaries-news-dev3.jsonl"), "all", 0.2, "news"),
        .. SummaryTuning.Load(TestData.EascPath, "dev", 0.33, "easc"),
    ];

    internal static double PrecisionAt10(IReadOnlyList<ReferenceDocument> docs, KeyphraseMethod method)
    {
        double sum = 0;
        var terms = new TermAnalyzer();
        foreach (ReferenceDocument doc in docs)
        {
            using var analysis = new TextAnalysis(terms);
            analysis.Load(doc.Text);
            var sections = new KeyphraseSection[analysis.SectionCount];
            for (int i = 0; i < sections.Length; i++)
            {
                sections[i] = KeyphraseSection.Analyze(analysis.SectionCount == 1 ? analysis : analysis.Section(i));
            }

            IReadOnlyList<Keyphrase> keyphrases = KeyphraseExtractor.Combine(sections, 10, method);
            HashSet<string> reference = [.. Stems(terms, string.Join('\n', doc.References))];
            sum += keyphrases.Count == 0 ? 0 : (double)keyphrases.Count(k => Stems(terms, k.Text).All(reference.Contains)) / keyphrases.Count;
        }

        return sum / docs.Count;
    }

    /// <summary>The stems of <paramref name="text"/>'s content words, in order.</summary>
    internal static List<string> Stems(TermAnalyzer terms, string text)
    {
        var stems = new List<string>();
        var tokenizer = new Tokenizer(text);
        while (tokenizer.Read(out Token t))
        {
            int id = terms.TermOf(text, t);
            if (id >= 0)
            {
                stems.Add(terms.Terms[id]);
            }
        }

        return stems;
    }

    [Fact]
    public void WordFrequency_IsMorePreciseThanTextRank_OnTheDevSummaries()
    {
        IReadOnlyList<ReferenceDocument> docs = Dev();
        double frequency = PrecisionAt10(docs, KeyphraseMethod.Frequency);
        double textRank = PrecisionAt10(docs, KeyphraseMethod.TextRank);
        output.WriteLine($"precision@10 over {docs.Count} dev documents: frequency {frequency:F4}, TextRank {textRank:F4}");
        Assert.True(frequency > textRank, $"frequency {frequency:F4} <= TextRank {textRank:F4}");
        Assert.True(frequency >= 0.80, $"frequency {frequency:F4}: fewer keyphrases are in the human summaries than when it was chosen (0.8128)");
    }
}
