using Engine.Lexing;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Lexing;

public class ArabicStemmerTests
{
    [Theory]
    [InlineData("الحكومة", "حكوم")]
    [InlineData("والحكومة", "حكوم")]
    [InlineData("بالعراق", "عراق")]
    [InlineData("للحكومة", "حكوم")]
    [InlineData("وللحكومة", "حكوم")]
    [InlineData("فالأمر", "امر")]
    [InlineData("كالعادة", "عاد")]
    [InlineData("ومسؤولين", "مسؤول")]
    [InlineData("المفاوضات", "مفاوض")]
    [InlineData("الأميركيون", "اميرك")]
    [InlineData("سياستها", "سياست")]
    [InlineData("العراقية", "عراق")]
    [InlineData("وقال", "قال")]
    [InlineData("قال", "قال")]
    [InlineData("ولد", "ولد")]
    [InlineData("الم", "الم")]
    public void Stem_Word_StripsCliticsAndSuffixesWithLengthGuards(string word, string stem)
    {
        Assert.Equal(stem, Lex.Stem(word));
    }

    [Fact]
    public void StemRange_IsTheSameStemAsStemmingInPlace()
    {
        foreach (string w in new[] { "والمسؤولون", "بالحكومات", "كتابها", "ومنها" })
        {
            string normalized = ArabicNormalizer.Normalize(w);
            Range r = ArabicStemmer.StemRange(normalized);

            Assert.Equal(Lex.Stem(w), normalized[r]);
        }
    }

    [Theory]
    [InlineData("في")]
    [InlineData("إلى")]
    [InlineData("التي")]
    [InlineData("أن")]
    [InlineData("هذه")]
    public void StopWords_CommonFunctionWords_AreStopWords(string word)
    {
        Assert.True(StopWords.Contains(ArabicNormalizer.Normalize(word)));
    }

    [Theory]
    [InlineData("العراق")]
    [InlineData("الحكومة")]
    [InlineData("واشنطن")]
    public void StopWords_ContentWords_AreNot(string word)
    {
        Assert.False(StopWords.Contains(ArabicNormalizer.Normalize(word)));
    }

    [Fact]
    public void TermTable_SameSpanTwice_GivesOneId()
    {
        var table = new TermTable();
        int a = table.GetOrAdd("حكوم".AsSpan());
        int b = table.GetOrAdd("xحكومx".AsSpan(1, 4));

        Assert.Equal(a, b);
        Assert.Equal(1, table.Count);
        Assert.Equal(-1, table.Find("عراق"));
        Assert.Equal("حكوم", table[a]);
    }
}
