using Engine.Sentences;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Sentences;

public class SentenceSplitterTests
{
    private static string[] Bodies(string text) =>
        Lex.Sentences(text).Where(s => s.IsBody).Select(s => text[s.Start..s.End]).ToArray();

    [Fact]
    public void Split_Seed_FindsTitleTwoHeadingsAndTwentySentences()
    {
        string seed = TestData.Seed;
        Sentence[] sentences = Lex.Sentences(seed);

        // Counted by hand: 18 body paragraphs, two of which hold two sentences.
        Assert.Equal(23, sentences.Length);
        Assert.Equal(SentenceKind.Title, sentences[0].Kind);
        Assert.Equal("الحوار الاستراتيجي بين العراق والولايات المتّحدة..", seed[sentences[0].Start..sentences[0].End]);
        Assert.Equal([SentenceKind.Heading, SentenceKind.Heading], sentences[1..3].Select(s => s.Kind));
        Assert.Equal(20, sentences.Count(s => s.IsBody));
        Assert.StartsWith("ماذا يناقش", seed[sentences[2].Start..], StringComparison.Ordinal);
    }

    [Fact]
    public void Split_Seed_KeepsTheClosingQuoteMarkAndStopTogether()
    {
        string seed = TestData.Seed;
        string[] bodies = Bodies(seed);

        Assert.Contains(bodies, b => b.StartsWith("وقال مسؤول دفاعي", StringComparison.Ordinal) && b.EndsWith("مواصلة ذلك”.", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.StartsWith("وأضاف “المهمة", StringComparison.Ordinal) && b.EndsWith("الإسلامية”.", StringComparison.Ordinal));
        Assert.Contains("ويوجد في العراق حاليا 2500 عسكري أميركي يركزون على مواجهة فلول تنظيم داعش.", bodies);
    }

    [Theory]
    [InlineData("ارتفع المؤشر 2.5 في المئة. وتراجع النفط.", 2)]
    [InlineData("وقع الاتفاق في 2021/7/26 في بغداد. ثم عاد الوفد.", 2)]
    [InlineData("التقى د. محمد العلي بالوزير أ. د. سعيد. وناقشا الملف.", 2)]
    [InlineData("ولد عام 1770 م. وتوفي في فيينا.", 2)]
    [InlineData("وقال Dr. Smith إن U.S. forces left. ثم غادر.", 2)]
    [InlineData("وانتظر الجميع... ثم جاء الرد.", 1)]
    [InlineData("هل انتهت الحرب؟ لا أحد يعرف! لكن الأمل باق.", 3)]
    [InlineData("وقال: «لن نتراجع. سنقاتل حتى النهاية». ثم غادر القاعة.", 2)]
    [InlineData("بدأ الاجتماع.وانتهى سريعا.", 2)]
    [InlineData("قال “انتهى الأمر.” ثم صمت.", 2)]
    public void Split_Terminators_EndSentencesOnlyWhereTheyShould(string text, int count)
    {
        Assert.Equal(count, Bodies(text).Length);
    }

    [Fact]
    public void Split_ClosingMarkAfterTheStop_StaysInTheSentence()
    {
        string[] bodies = Bodies("قال “انتهى الأمر.” ثم صمت.");

        Assert.Equal("قال “انتهى الأمر.”", bodies[0]);
    }

    [Fact]
    public void Split_LongQuotation_MaySplitInside()
    {
        string longQuote = "وقال: «" + string.Join(' ', Enumerable.Repeat("هذه جملة طويلة جدا", 8)) + ". " + string.Join(' ', Enumerable.Repeat("وهذه أخرى", 10)) + "».";

        Assert.Equal(2, Bodies(longQuote).Length);
    }

    [Fact]
    public void Split_LineBreak_EndsTheSentenceAndParagraph()
    {
        Sentence[] sentences = Lex.Sentences("الفقرة الأولى بلا نقطة في آخرها لكنها طويلة بما يكفي لتكون جملة من متن الخبر وليست عنوانا قصيرا على الإطلاق أبدا\nالفقرة الثانية.");

        Assert.Equal(2, sentences.Length);
        Assert.Equal([0, 1], sentences.Select(s => s.Paragraph));
        Assert.All(sentences, s => Assert.Equal(SentenceKind.Body, s.Kind));
    }

    [Fact]
    public void Split_SingleLineWithoutStop_IsABodySentenceNotATitle()
    {
        Sentence[] sentences = Lex.Sentences("جملة واحدة بلا نقطة");

        Assert.Equal(SentenceKind.Body, Assert.Single(sentences).Kind);
    }

    [Fact]
    public void Split_Corpus_EverySentenceIsTrimmedAndInOrder()
    {
        foreach (var (id, text) in TestData.NewsArticles())
        {
            int end = 0;
            foreach (Sentence s in Lex.Sentences(text))
            {
                Assert.True(s.Start >= end, id);
                Assert.False(char.IsWhiteSpace(text[s.Start]), id);
                Assert.False(char.IsWhiteSpace(text[s.End - 1]), id);
                end = s.End;
            }
        }
    }
}
