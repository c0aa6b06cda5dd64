using Engine.Buffers;
using Engine.Summarization;

namespace Engine.Tests.Buffers;

public class PagedListTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(700)]
    [InlineData(5_000)]
    [InlineData(20_001)]
    public void From_HoldsTheItemsInOrder_OnOnePageOrMany(int count)
    {
        ScoredSentence[] items = [.. Enumerable.Range(0, count).Select(i => new ScoredSentence(i, i * 10, (i * 10) + 5, i / 7.0, default))];

        IReadOnlyList<ScoredSentence> list = PagedList<ScoredSentence>.From(items);

        Assert.Equal(count, list.Count);
        Assert.Equal(items, list);
        for (int i = 0; i < count; i += 97)
        {
            Assert.Equal(items[i], list[i]);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => list[count]);
    }
}
