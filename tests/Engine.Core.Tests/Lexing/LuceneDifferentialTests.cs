using Engine.Lexing;
using Engine.Tests.Infrastructure;
using LuceneNormalizer = Lucene.Net.Analysis.Ar.ArabicNormalizer;
using LuceneStemmer = Lucene.Net.Analysis.Ar.ArabicStemmer;

namespace Engine.Tests.Lexing;

/// <summary>
/// Our normalizer and stemmer against Lucene.NET's on every Arabic word of the news corpus.
/// Where we differ on purpose, the word is excused by one of the rules below, each with its reason.
/// </summary>
[Trait("Category", "Corpus")]
public class LuceneDifferentialTests
{
    private static readonly LuceneNormalizer LuceneNorm = new();
    private static readonly LuceneStemmer LuceneStem = new();

    /// <summary>Characters Lucene keeps and we drop or map, on purpose.</summary>
    private static bool HasDeliberateNormalizationDifference(string word) => word.Any(c =>
        c == '\u0671'                     // alef wasla: one more alef form, Quranic and classical texts use it
        || c is >= '\u0653' and <= '\u065F' // maddah, hamza above/below and other marks: diacritics like the harakat
        || c == '\u0670'                  // superscript alef: a diacritic, dropped like the harakat
        || c is >= '\u0610' and <= '\u061A' // honorifics and Quranic annotation signs
        || c is >= '\u06D6' and <= '\u06ED' // Quranic marks
        || c is '\u200C' or '\u200D'      // joiners: invisible, must not split one term into two
        || char.IsAsciiLetterUpper(c));   // we fold Latin case inside the normalizer; Lucene does it in a separate filter

    /// <summary>
    /// Our stemmer also strips ولل (وللحكومة → حكوم): Lucene strips only و and keeps لل on the stem,
    /// so "للحكومة" and "وللحكومة" would not match.
    /// </summary>
    private static bool HasDeliberateStemmingDifference(string normalized) =>
        normalized.Length >= 5 && normalized.StartsWith("ولل", StringComparison.Ordinal);

    private static IEnumerable<string> CorpusWords()
    {
        foreach (var (_, text) in TestData.NewsArticles())
        {
            foreach (var t in Lex.Tokens(text))
            {
                if (t.Kind == TokenKind.ArabicWord)
                {
                    yield return text.Substring(t.Start, t.Length);
                }
            }
        }
    }

    [Fact]
    public void Normalize_EveryCorpusWord_AgreesWithLucene()
    {
        int compared = 0;
        var differences = new List<string>();
        foreach (string word in CorpusWords().Distinct())
        {
            if (HasDeliberateNormalizationDifference(word))
            {
                continue;
            }

            char[] lucene = word.ToCharArray();
            int n = LuceneNorm.Normalize(lucene, lucene.Length);
            string expected = new(lucene, 0, n);
            string actual = ArabicNormalizer.Normalize(word);
            compared++;
            if (expected != actual)
            {
                differences.Add($"{word}: lucene {expected}, ours {actual}");
            }
        }

        Assert.True(compared > 10_000, $"only {compared} distinct words compared");
        Assert.Empty(differences);
    }

    [Fact]
    public void Stem_EveryCorpusWord_AgreesWithLucene()
    {
        int compared = 0;
        int excused = 0;
        var differences = new List<string>();
        foreach (string word in CorpusWords().Distinct())
        {
            string normalized = ArabicNormalizer.Normalize(word);
            if (HasDeliberateStemmingDifference(normalized))
            {
                excused++;
                continue;
            }

            char[] lucene = normalized.ToCharArray();
            int n = LuceneStem.Stem(lucene, lucene.Length);
            string expected = new(lucene, 0, n);
            char[] ours = normalized.ToCharArray();
            string actual = new(ours, 0, ArabicStemmer.Stem(ours));
            compared++;
            if (expected != actual)
            {
                differences.Add($"{word}: lucene {expected}, ours {actual}");
            }
        }

        Assert.True(compared > 10_000, $"only {compared} distinct words compared");
        Assert.InRange(excused, 1, compared / 20);
        Assert.Empty(differences);
    }
}
