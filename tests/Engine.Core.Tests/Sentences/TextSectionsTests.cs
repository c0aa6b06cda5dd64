using Engine.Analysis;
using Engine.Lexing;
using Engine.Sentences;
using Engine.Tests.Infrastructure;
using Engine.Text;

namespace Engine.Tests.Sentences;

public class TextSectionsTests
{
    private static readonly string LongText = string.Join("\n", TestData.NewsArticles().Select(a => a.Text));

    private static List<int> Boundaries(string text)
    {
        var starts = new List<int> { 0 };
        for (int end = TextSections.End(text, 0); end < text.Length; end = TextSections.End(text, end))
        {
            starts.Add(end);
        }

        return starts;
    }

    [Fact]
    public void EveryNewsArticle_IsOneSection()
    {
        foreach (var (id, text) in TestData.NewsArticles())
        {
            Assert.True(TextSections.End(text, 0) == text.Length, id);
        }
    }

    [Fact]
    public void ALongText_IsCutAfterSentenceEndingLines_AtLeastAMinimumApart()
    {
        List<int> starts = Boundaries(LongText);

        Assert.InRange(starts.Count, 10, 30);
        for (int i = 1; i < starts.Count; i++)
        {
            int p = starts[i];
            Assert.True(p - starts[i - 1] >= TextSections.MinSectionChars);
            Assert.Equal('\n', LongText[p - 1]);
            string line = LongText[..(p - 1)].TrimEnd();
            Assert.Contains(line.TrimEnd('”', '»', '"', ')')[^1], ".!?؟");
        }
    }

    [Fact]
    public void ALineWithoutAStop_DoesNotEndASection()
    {
        string body = string.Concat(Enumerable.Repeat("كلمة ", TextSections.MinSectionChars / 5 + 10));
        string unterminated = body + "\nوبعدها نص.";
        string terminated = body + "انتهى.\n  \nوبعدها نص.";

        Assert.Equal(unterminated.Length, TextSections.End(unterminated, 0));
        Assert.Equal(terminated.IndexOf("وبعدها", StringComparison.Ordinal), TextSections.End(terminated, 0));
        Assert.False(TextSections.IsBoundary(terminated, terminated.IndexOf("وبعدها", StringComparison.Ordinal) - 1)); // before the spaces
        Assert.False(TextSections.IsBoundary("انتهى...\nثم", 9)); // an ellipsis does not end the sentence for sure
    }

    [Fact]
    public void TokensAndSentencesOfALongText_AreThoseOfItsSectionsPutTogether()
    {
        List<int> starts = Boundaries(LongText);
        var tokens = new List<Token>();
        var sentences = new List<(int, int, SentenceKind)>();
        for (int i = 0; i < starts.Count; i++)
        {
            int end = i + 1 < starts.Count ? starts[i + 1] : LongText.Length;
            string section = LongText[starts[i]..end];
            tokens.AddRange(Lex.Tokens(section).Select(t => t with { Start = t.Start + starts[i] }));
            using var analysis = new TextAnalysis();
            analysis.LoadSection(section, SentenceOptions.Default, atDocumentStart: i == 0);
            foreach (Sentence s in analysis.Sentences)
            {
                sentences.Add((s.Start + starts[i], s.End + starts[i], s.Kind));
            }
        }

        Assert.Equal(Lex.Tokens(LongText), tokens);
        Assert.Equal(Lex.Sentences(LongText).Select(s => (s.Start, s.End, s.Kind)), sentences);
        using var whole = new TextAnalysis();
        whole.Load(LongText);
        Assert.Equal(starts.Count, whole.SectionCount);
        Assert.Equal(Lex.Sentences(LongText), whole.Sentences.ToArray());
    }
}
