using Engine.Analysis;
using Engine.Keyphrases;
using Engine.Lexing;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Keyphrases;

public class KeyphraseExtractorTests
{
    private const string NuclearDeal =
        "انتقد وزير الخارجية الاتفاق النووي مع إيران. وقال إن للاتفاق النووي عيوبا كثيرة. " +
        "ودعا الكونغرس إلى رفض الاتفاق النووي، فيما دافع البيت الأبيض عن الاتفاق النووي وقال إن البيت الأبيض لن يتراجع.";

    [Fact]
    public void CliticForms_AreOnePhrase_WrittenInTheirBarestForm()
    {
        IReadOnlyList<Keyphrase> keyphrases = KeyphraseExtractor.Extract(NuclearDeal);

        Assert.Equal("الاتفاق النووي", keyphrases[0].Text);
        Assert.Equal(1.0, keyphrases[0].Score);
        Assert.DoesNotContain(keyphrases, k => k.Text == "للاتفاق النووي");
        Assert.Contains(keyphrases, k => k.Text == "البيت الأبيض");
    }

    [Fact]
    public void APhraseOfSeveralWords_MustOccurTwice()
    {
        IReadOnlyList<Keyphrase> keyphrases = KeyphraseExtractor.Extract(NuclearDeal);

        // «وزير الخارجية» occurs once: only its words may come back, never the phrase.
        Assert.DoesNotContain(keyphrases, k => k.Text == "وزير الخارجية");
    }

    [Fact]
    public void TheSeed_HasItsTopicsFirst()
    {
        IReadOnlyList<Keyphrase> keyphrases = KeyphraseExtractor.Extract(TestData.Seed);

        Assert.Equal(KeyphraseExtractor.DefaultCount, keyphrases.Count);
        Assert.Equal("العراق والولايات المتّحدة", keyphrases[0].Text);
        Assert.Contains(keyphrases.Take(3), k => k.Text == "الوجود العسكري الأميركي");
        Assert.Contains(keyphrases, k => k.Text == "مصطفى الكاظمي");
    }

    [Fact]
    public void OverTheNewsCorpus_ScoresFallFromOne_NoTwoShareAStem_AndEachIsWrittenInTheText()
    {
        var terms = new TermAnalyzer();
        foreach ((string id, string text) in TestData.NewsArticles())
        {
            IReadOnlyList<Keyphrase> keyphrases = KeyphraseExtractor.Extract(text);
            Assert.NotEmpty(keyphrases);
            Assert.Equal(1.0, keyphrases[0].Score);
            Assert.True(keyphrases.Zip(keyphrases.Skip(1)).All(p => p.First.Score >= p.Second.Score), id);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (Keyphrase k in keyphrases)
            {
                Assert.Contains(k.Text, text, StringComparison.Ordinal);
                foreach (string stem in KeyphraseQualityTests.Stems(terms, k.Text))
                {
                    Assert.True(seen.Add(stem), $"{id}: «{k.Text}» shares the stem {stem} with a better keyphrase");
                }
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n ")]
    [InlineData("في من إلى على، عن.")]
    [InlineData("«»“” ... !!! 2024 ١٢")]
    public void TextWithoutContentWords_HasNoKeyphrases(string text) =>
        Assert.Empty(KeyphraseExtractor.Extract(text));

    [Fact]
    public void TheResult_DoesNotDependOnWhatThePooledAnalysisSawBefore()
    {
        IReadOnlyList<Keyphrase> alone;
        using (var analysis = new TextAnalysis(new TermAnalyzer()))
        {
            analysis.Load(TestData.Seed);
            alone = KeyphraseExtractor.Extract(analysis);
        }

        foreach ((_, string text) in TestData.NewsArticles().Take(20))
        {
            KeyphraseExtractor.Extract(text);
        }

        Assert.Equal(alone, KeyphraseExtractor.Extract(TestData.Seed));
    }

    [Fact]
    public void Count_LimitsTheList()
    {
        Assert.Equal(3, KeyphraseExtractor.Extract(TestData.Seed, 3).Count);
        Assert.Equal(KeyphraseExtractor.Extract(TestData.Seed).Take(3), KeyphraseExtractor.Extract(TestData.Seed, 3));
    }
}
