using Engine.Lexing;

namespace Engine.Tests.Lexing;

public class TermTableTests
{
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
