using Engine.Analysis;
using Engine.Lexing;
using Engine.Sentences;
using Engine.Tests.Infrastructure;
using Engine.Text;

namespace Engine.Tests.Text;

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
            Assert.Contains('\n', LongText[..p][LongText[..p].TrimEnd().Length..]); // a line break (and maybe an indent) before it
            string line = LongText[..p].TrimEnd();
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
    public void AnIndentedLine_CanStartASection_AndAParagraphWithoutLineBreaks_IsCutAfterTheMaximum()
    {
        string body = string.Concat(Enumerable.Repeat("كلمة ", TextSections.MinSectionChars / 5 + 10));
        string indented = body + "انتهى.\n   وبعدها نص.";
        Assert.Equal(indented.IndexOf("وبعدها", StringComparison.Ordinal), TextSections.End(indented, 0));

        string sentence = "وقال الوزير إن الوضع مستقر تماما. ";
        string paragraph = string.Concat(Enumerable.Repeat(sentence, (3 * TextSections.MaxSectionChars / sentence.Length) + 1));
        int end = TextSections.End(paragraph, 0);
        Assert.InRange(end, TextSections.MaxSectionChars, TextSections.MaxSectionChars + sentence.Length);
        Assert.Equal(" وقال", paragraph.Substring(end - 1, 5));
        int next = TextSections.End(paragraph, end);
        Assert.True(next == paragraph.Length || next - end >= TextSections.MaxSectionChars, $"{next}");
    }

    public static TheoryData<string> LongTexts() => new() { "news", "one paragraph" };

    [Theory]
    [MemberData(nameof(LongTexts))]
    public void TokensAndSentencesOfALongText_AreThoseOfItsSectionsPutTogether(string which)
    {
        string text = which == "news"
            ? TextSectionsTests.LongText
            : string.Concat(TestData.NewsArticles().Take(40).Select(a => a.Text.Replace('\n', ' ')));
        List<int> starts = Boundaries(text);
        Assert.True(starts.Count > 1);
        var tokens = new List<Token>();
        var sentences = new List<(int, int, SentenceKind)>();
        for (int i = 0; i < starts.Count; i++)
        {
            int end = i + 1 < starts.Count ? starts[i + 1] : text.Length;
            string section = text[starts[i]..end];
            tokens.AddRange(Lex.Tokens(section).Select(t => t with { Start = t.Start + starts[i] }));
            using var analysis = new TextAnalysis();
            analysis.LoadSection(section, SentenceOptions.Default, atDocumentStart: i == 0);
            foreach (Sentence s in analysis.Sentences)
            {
                sentences.Add((s.Start + starts[i], s.End + starts[i], s.Kind));
            }
        }

        Assert.Equal(Lex.Tokens(text), tokens);
        Assert.Equal(Lex.Sentences(text).Select(s => (s.Start, s.End, s.Kind)), sentences);
        using var whole = new TextAnalysis();
        whole.Load(text);
        Assert.Equal(starts.Count, whole.SectionCount);
        Assert.Equal(Lex.Sentences(text), whole.Sentences.ToArray());
    }
}
