using Engine.Lexing.Internal;

namespace Engine.Tests.Lexing;

public class SpanMapTests
{
    [Fact]
    public void KeysAreFoundBySpan_WhereverTheSpanLies()
    {
        var map = new SpanMap(4);
        map.Add("الحكومة", 1);
        map.Add("حكومة", 2);

        Assert.True(map.TryGetValue("وقالت الحكومة إن".AsSpan(6, 7), out int a));
        Assert.Equal(1, a);
        Assert.True(map.TryGetValue("حكومة", out int b));
        Assert.Equal(2, b);
        Assert.False(map.TryGetValue("حكوم", out _));
        Assert.False(map.TryGetValue(string.Empty, out _));
        Assert.Equal(2, map.Count);
    }

    [Fact]
    public void ThousandsOfKeys_GrowTheMap_AndEveryOneIsKept()
    {
        var map = new SpanMap(4);
        for (int i = 0; i < 20_000; i++)
        {
            map.Add("كلمة" + i, i);
        }

        Assert.Equal(20_000, map.Count);
        for (int i = 0; i < 20_000; i++)
        {
            Assert.True(map.TryGetValue("كلمة" + i, out int value));
            Assert.Equal(i, value);
        }

        Assert.False(map.TryGetValue("كلمة20000", out _));
    }

    [Fact]
    public void Clear_ForgetsEveryKey_AndTheMapIsUsableAgain()
    {
        var map = new SpanMap(16);
        map.Add("بغداد", 7);
        map.Clear();

        Assert.Equal(0, map.Count);
        Assert.False(map.TryGetValue("بغداد", out _));
        map.Add("بغداد", 8);
        Assert.True(map.TryGetValue("بغداد", out int value));
        Assert.Equal(8, value);
    }
}
