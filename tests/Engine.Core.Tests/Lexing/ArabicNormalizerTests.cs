using Engine.Lexing;

namespace Engine.Tests.Lexing;

public class ArabicNormalizerTests
{
    [Theory]
    [InlineData("أحمد", "احمد")]
    [InlineData("إيران", "ايران")]
    [InlineData("آخر", "اخر")]
    [InlineData("ٱلكتاب", "الكتاب")]
    [InlineData("مصطفى", "مصطفي")]
    [InlineData("الحكومة", "الحكومه")]
    [InlineData("المتّحدة", "المتحده")]
    [InlineData("استُهدفت", "استهدفت")]
    [InlineData("أعمالاً", "اعمالا")]
    [InlineData("تسـعة", "تسعه")]
    [InlineData("الرَّحْمٰنِ", "الرحمن")]
    [InlineData("ميّ\u200Cزة", "ميزه")]
    [InlineData("NATO", "nato")]
    public void Normalize_Word_MapsVariantsAndDropsMarks(string word, string expected)
    {
        Span<char> buffer = stackalloc char[word.Length];
        int n = ArabicNormalizer.Normalize(word, buffer);

        Assert.Equal(expected, new string(buffer[..n]));
    }

    [Fact]
    public void Normalize_InPlace_GivesTheSameAsCopying()
    {
        char[] word = "الإستراتيجيّة".ToCharArray();
        int n = ArabicNormalizer.Normalize(word.AsSpan());

        Assert.Equal("الاستراتيجيه", new string(word, 0, n));
    }

    [Fact]
    public void Normalize_ShortDestination_Throws()
    {
        Assert.Throws<ArgumentException>(() => ArabicNormalizer.Normalize("كلمة", new char[2]));
    }
}
