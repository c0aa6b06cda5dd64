using Engine.Sentences;
using Engine.Summarization;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Summarization;

public class SummarizerTests
{
    private const string Article = """
        وزير الخارجية يزور بغداد لبحث التعاون الأمني
        وصل وزير الخارجية إلى بغداد اليوم في زيارة رسمية لبحث التعاون الأمني بين البلدين. والتقى الوزير رئيس الوزراء العراقي وبحث معه ملفات التعاون الأمني ومكافحة الإرهاب. وقال مصدر إن الزيارة تستمر يومين. وتناول الطرفان أيضا قضايا الطاقة والتجارة. وأكد الوزير أن بلاده تدعم استقرار العراق وأمنه. وفي سياق آخر، ارتفعت أسعار النفط في الأسواق العالمية.
        """;

    [Fact]
    public void Summarize_Seed_DefaultBudget_ReturnsItsOpeningSentencesVerbatim()
    {
        string seed = TestData.Seed;
        Summary summary = Summarizer.Summarize(seed);

        Assert.NotEmpty(summary.Sentences);
        // Each chosen sentence is one of the splitter's body sentences, whole, and its text is the text's own.
        Sentence[] body = [.. Lex.Sentences(seed).Where(s => s.IsBody)];
        Assert.All(summary.Sentences, s => Assert.Contains(body, b => b.Start == s.Start && b.End == s.End));
        Assert.Equal(summary.Sentences.Select(s => seed[s.Start..s.End]), summary.SentenceTexts);
        Assert.StartsWith("الحوار الإستراتيجي بين العراق والولايات المتّحدة إذ ينصبّ", summary.SentenceTexts.First(), StringComparison.Ordinal);
        Assert.True(summary.SummaryWords <= summary.DocumentWords * 0.2);
    }

    [Fact]
    public void Summarize_Seed_NeverReturnsTheTitleOrHeadings()
    {
        string seed = TestData.Seed;
        Sentence[] sentences = Lex.Sentences(seed);
        foreach (var algorithm in Enum.GetValues<SummaryAlgorithm>())
        {
            Summary summary = Summarizer.Summarize(seed, new SummarizerOptions { Algorithm = algorithm, Budget = SummaryBudget.Ratio(1) });

            Assert.Equal(20, summary.Sentences.Count);
            Assert.All(summary.Sentences, s => Assert.True(sentences[s.Index].IsBody, algorithm.ToString()));
        }
    }

    [Theory]
    [InlineData(SummaryAlgorithm.Engine)]
    [InlineData(SummaryAlgorithm.Lead)]
    [InlineData(SummaryAlgorithm.TextRank)]
    [InlineData(SummaryAlgorithm.LexRank)]
    public void Summarize_AnyAlgorithm_KeepsDocumentOrderAndTheWordBudget(SummaryAlgorithm algorithm)
    {
        foreach (var (id, text) in TestData.NewsArticles().Take(20))
        {
            Summary summary = Summarizer.Summarize(text, new SummarizerOptions { Algorithm = algorithm, Budget = SummaryBudget.Words(80) });

            Assert.True(summary.Sentences.Count == 1 || summary.SummaryWords <= 80, id);
            Assert.Equal(summary.Sentences.OrderBy(s => s.Start), summary.Sentences);
        }
    }

    [Fact]
    public void Summarize_SentenceBudget_ReturnsAtMostThatMany()
    {
        Summary summary = Summarizer.Summarize(TestData.Seed, new SummarizerOptions { Budget = SummaryBudget.Sentences(2) });

        Assert.Equal(2, summary.Sentences.Count);
    }

    [Fact]
    public void Summarize_BudgetSmallerThanAnySentence_StillReturnsOneSentence()
    {
        Summary summary = Summarizer.Summarize(TestData.Seed, new SummarizerOptions { Budget = SummaryBudget.Words(1) });

        Assert.Single(summary.Sentences);
    }

    [Fact]
    public void Summarize_SameInput_GivesIdenticalOutput()
    {
        var options = new SummarizerOptions { Explain = true, Title = "الحوار الاستراتيجي بين العراق وأميركا" };
        using var fresh = new Engine.Analysis.TextAnalysis();
        fresh.Load(TestData.Seed);
        Summary a = Summarizer.Summarize(fresh, options);

        // An analysis whose term table has seen other texts first numbers the terms differently.
        using var used = new Engine.Analysis.TextAnalysis();
        foreach (var (_, text) in TestData.NewsArticles().Take(5))
        {
            used.Load(text);
        }

        used.Load(TestData.Seed);
        Summary b = Summarizer.Summarize(used, options);

        Assert.Equal(a.Sentences, b.Sentences);
        Assert.Equal(a.AllSentences, b.AllSentences);
    }

    [Fact]
    public void Summarize_Explain_GivesEveryBodySentenceItsFeatures()
    {
        Summary summary = Summarizer.Summarize(Article, new SummarizerOptions { Explain = true, Budget = SummaryBudget.Sentences(2) });

        Assert.Equal(6, summary.AllSentences.Count);
        Assert.All(summary.AllSentences, s => Assert.InRange(s.Features.Position, 0, 1));
        // The title speaks of the minister's visit and security cooperation: the oil sentence shares nothing with it.
        ScoredSentence oil = summary.AllSentences.Single(s => s.Text(Article).Contains("النفط", StringComparison.Ordinal));
        Assert.Equal(0, oil.Features.TitleOverlap);
        Assert.True(summary.AllSentences[0].Features.TitleOverlap > 0.3);
        Assert.DoesNotContain(summary.Sentences, s => s.Index == oil.Index);
    }

    [Fact]
    public void Summarize_ExplicitTitle_IsUsedAsAFeature()
    {
        const string body = "ارتفعت أسعار النفط في الأسواق العالمية اليوم. وزار وزير الخارجية بغداد لبحث التعاون الأمني.";
        Summary summary = Summarizer.Summarize(body, new SummarizerOptions { Explain = true, Title = "أسعار النفط ترتفع" });

        Assert.True(summary.AllSentences[0].Features.TitleOverlap > summary.AllSentences[1].Features.TitleOverlap);
    }

    [Fact]
    public void Summarize_Redundancy_SkipsANearDuplicate()
    {
        const string text = "أعلنت الحكومة خطة جديدة لدعم الاقتصاد الوطني وتشجيع الاستثمار. أعلنت الحكومة خطة جديدة لدعم الاقتصاد الوطني وتشجيع الاستثمار الأجنبي. وقالت وزارة المالية إن الخطة تشمل إعفاءات ضريبية للشركات الصغيرة.";
        Summary summary = Summarizer.Summarize(text, new SummarizerOptions { Budget = SummaryBudget.Sentences(2) });

        Assert.Contains(summary.Sentences, s => s.Text(text).Contains("وزارة المالية", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Budget_NonPositiveCounts_AreRejected(int count)
    {
        Assert.Throws<EngineException>(() => SummaryBudget.Sentences(count));
        Assert.Throws<EngineException>(() => SummaryBudget.Words(count));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Budget_RatioOutsideZeroToOne_IsRejected(double ratio)
    {
        Assert.Throws<EngineException>(() => SummaryBudget.Ratio(ratio));
    }
}
