using Engine.Sentences;
using Engine.Summarization;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Sentences;

/// <summary>The outlet's furniture is recognised on every outlet pattern of the news files and never summarized.</summary>
[Trait("Category", "Corpus")]
public class BoilerplateTests
{
    private static SentenceKind KindOf(string text, string sentence)
    {
        var sentences = Lex.Sentences(text);
        return Assert.Single(sentences, s => text[s.Start..s.End].Trim() == sentence).Kind;
    }

    [Theory]
    [InlineData("عين اليوم – متابعات")]
    [InlineData("حامد السلمي – عين اليوم")]
    [InlineData("لجين الأحمدي – متابعات")]
    [InlineData("Next Previous داليا أبوالعيش – عين اليوم")]
    [InlineData("جيزان 25 شوال 1436هـ الموافق 10 اغسطس 2015م واس")]
    [InlineData("// انتهى //")]
    [InlineData("17:06 ت م")]
    [InlineData("سمات القدس مثليين مسيرة يهودي")]
    [InlineData("رابط الخبر بصحيفة الوئام: داعش يكسب 200 مليون دولار سنوياً من تصدير القمح")]
    public void Split_OutletFurniture_IsBoilerplate(string line)
    {
        string text = "قال الوزير إن المفاوضات مستمرة.\n" + line + "\nوأضاف أن الاجتماع المقبل سيعقد الأسبوع المقبل.";

        Assert.Equal(SentenceKind.Boilerplate, KindOf(text, line));
    }

    [Theory]
    [InlineData("وقال مسؤول في وزارة الخارجية – التي رفضت التعليق – إن الوفد وصل.")]
    [InlineData("وتابع الوزير متابعات دقيقة للملف طوال الأسبوع الماضي.")]
    [InlineData("وتحدث الرئيس عن سمات المرحلة المقبلة في كلمته أمام البرلمان.")]
    public void Split_StorySentences_StayBody(string line)
    {
        string text = "قال الوزير إن المفاوضات مستمرة.\n" + line + "\nوأضاف أن الاجتماع المقبل سيعقد الأسبوع المقبل.";

        Assert.Equal(SentenceKind.Body, KindOf(text, line));
    }

    [Fact]
    public void Split_TagLineAfterTheLastSentence_IsItsOwnBoilerplate()
    {
        string text = "وقال ريفلين إن غياب التسامح سيؤدي إلى كارثة. سمات القدس مثليين مسيرة يهودي";

        Assert.Equal(SentenceKind.Boilerplate, KindOf(text, "سمات القدس مثليين مسيرة يهودي"));
    }

    [Theory]
    [InlineData("وقعت مصر عقودا مع شركات نفط عالمية مثل بي.بي وبي.جي وشركة إيني الإيطالية بنحو ملياري دولار.")]
    [InlineData("ونقلت وكالة الصحافة الفرنسية أ.ف.ب عن مصدر عسكري أن الهجوم صد.")]
    public void Split_DottedAbbreviation_StaysInItsSentence(string text) =>
        Assert.Single(Lex.Sentences(text));

    [Fact]
    public void Split_TwoDotsBeforeANewClause_EndTheSentence()
    {
        string text = "وتوفي بعد تدهور حالته الصحية نتيجة حروقه التي وصلت إلى 80%.. وقالت مصادر اسرائيلية إنه توفي في المستشفى.";

        Assert.Equal(2, Lex.Sentences(text).Length);
    }

    [Fact]
    public void Split_TwoDotsInsideAQuotation_DoNotEndTheSentence()
    {
        string text = "وقال الرئيس: «أعتقد أننا نملك فرصة واحدة.. ولا يمكن تجاهل ذلك» في كلمته.";

        Assert.Single(Lex.Sentences(text));
    }

    [Fact]
    public void Summarize_EveryCorpusDocument_NeverChoosesBoilerplateOrAFragment()
    {
        var texts = new List<string>(TestData.NewsArticles().Select(a => a.Text));
        foreach (string file in (string[])["articles-2.jsonl", "articles-3.jsonl"])
        {
            texts.AddRange(TestData.ReadJsonLines(Path.Combine(TestData.Shared, "corpus", "news", file)).Select(e => e.GetProperty("text").GetString()!));
        }

        texts.AddRange(TestData.ReadJsonLines(TestData.EascPath).Select(e => e.GetProperty("text").GetString()!));
        Assert.True(texts.Count >= 300);
        foreach (SummaryBudget budget in (SummaryBudget[])[SummaryBudget.Ratio(0.2), SummaryBudget.Ratio(0.33), SummaryBudget.Words(5), SummaryBudget.Sentences(1)])
        {
            foreach (string text in texts)
            {
                Summary summary = Summarizer.Summarize(text, new SummarizerOptions { Budget = budget });
                var sentences = Lex.Sentences(text);
                foreach (ScoredSentence chosen in summary.Sentences)
                {
                    Sentence s = sentences[chosen.Index];
                    string sentence = text[s.Start..s.End];
                    Assert.Equal(SentenceKind.Body, s.Kind);
                    Assert.DoesNotMatch(@"^\s*\d{1,2}:\d{2}", sentence);
                    // A piece of a dotted abbreviation (…مثل بي.|بي وبي.) ends in a short word glued by its dot to a letter.
                    bool gluedShortWord = System.Text.RegularExpressions.Regex.IsMatch(sentence, @"(^|\s)\w{1,3}\.$")
                        && System.Text.RegularExpressions.Regex.IsMatch(text[s.End..], @"^\w{1,3}(\W|$)");
                    Assert.False(gluedShortWord, $"a fragment: «{sentence}»");
                }
            }
        }
    }
}
