using Engine.Incremental;

namespace Engine.Tests.Incremental;

public class PlacedListTests
{
    [Fact]
    public void Items_AreEachSectionsOwnPlacedAtItsOffset_InOrder_SkippingEmptySections()
    {
        int[][] parts = [[1, 2], [], [], [5, 6, 7], []];
        int[] starts = [0, 100, 200, 300, 400];
        var list = new PlacedList<int[], int>(parts, starts, static p => p.Length, static (p, at, i) => p[i] + at);

        Assert.Equal(5, list.Count);
        Assert.Equal([1, 2, 305, 306, 307], list);
        Assert.Equal([1, 2, 305, 306, 307], Enumerable.Range(0, list.Count).Select(i => list[i]));
        Assert.Throws<ArgumentOutOfRangeException>(() => list[5]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
    }

    [Fact]
    public void NoSections_IsEmpty()
    {
        var list = new PlacedList<int[], int>([], [], static p => p.Length, static (p, at, i) => p[i]);

        Assert.Empty(list);
    }
}
