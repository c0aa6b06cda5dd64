using Engine.Lexing;

namespace Engine.Tests.Lexing;

public class StopWordsTests
{
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
}
