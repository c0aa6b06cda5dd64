using Engine.Analysis;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Analysis;

public class AnalysisPoolTests
{
    [Fact]
    public void AnAnalysisThatHeldManySections_IsNotKept_ButOneThatHeldAnArticleIs()
    {
        string article = TestData.NewsArticles()[0].Text;
        string corpus = string.Join("\n", TestData.NewsArticles().Select(a => a.Text));
        string huge = string.Join("\n", Enumerable.Repeat(corpus, 5)); // about 1.3 million characters

        using var analysis = new TextAnalysis();
        analysis.Load(article);
        Assert.True(AnalysisPool.Keeps(analysis));

        analysis.Load(huge);
        Assert.True(analysis.SectionCount > AnalysisPool.MaxPooledSections, $"{analysis.SectionCount} sections");
        analysis.Load(article);
        Assert.False(AnalysisPool.Keeps(analysis)); // it still holds the section analyses the big text needed
    }
}
