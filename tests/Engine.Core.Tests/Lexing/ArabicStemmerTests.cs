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
}
