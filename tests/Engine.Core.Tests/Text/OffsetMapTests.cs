using Engine.Text;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Text;

public class OffsetMapTests
{
    [Theory]
    [InlineData(OffsetUnit.Utf16)]
    [InlineData(OffsetUnit.CodePoint)]
    [InlineData(OffsetUnit.Utf8)]
    public void AMapForADocumentVersion_AnswersAsTheMapForItsString(OffsetUnit unit)
    {
        string text = TestData.Seed + " 😀 قال: «نعم».";
        SourceText version = SourceText.From(text).WithChanges([new TextChange(10, 12, "😀")]);
        string joined = string.Concat(version.Chunks);

        using OffsetMap fromString = new(joined, unit);
        using OffsetMap fromVersion = OffsetMap.For(version, unit);

        Assert.Equal(fromString.UnitLength, fromVersion.UnitLength);
        for (int i = 0; i <= joined.Length; i += 7)
        {
            bool inside = i > 0 && i < joined.Length && char.IsLowSurrogate(joined[i]) && char.IsHighSurrogate(joined[i - 1]);
            if (!inside)
            {
                Assert.Equal(fromString.ToUnit(i), fromVersion.ToUnit(i));
            }
        }

        Assert.Equal(fromString.TryFromUnit(fromString.UnitLength - 3, out int a), fromVersion.TryFromUnit(fromString.UnitLength - 3, out int b));
        Assert.Equal(a, b);
    }
}
