using Engine.Summarization.Internal;

namespace Engine.Tests.Summarization;

public class IndexHeapTests
{
    [Fact]
    public void Popping_GivesHighestValueFirst_TiesToTheLowerId_NaNLast()
    {
        double[] values = [0.5, double.NaN, 0.9, 0.5, 0.1, 0.9, double.NaN];
        int[] ids = [4, 0, 6, 2, 5, 3, 1];
        IndexHeap.Build(values, ids);

        var order = new List<int>();
        for (int size = values.Length; size > 0; size--)
        {
            order.Add(ids[0]);
            IndexHeap.RemoveHead(values.AsSpan(0, size), ids.AsSpan(0, size));
        }

        Assert.Equal([3, 6, 2, 4, 5], order.Take(5));
        Assert.Equal([0, 1], order.Skip(5).Order()); // out of the running: last, in no particular order
    }

    [Fact]
    public void ALoweredHead_SinksToItsPlace()
    {
        double[] values = [3, 2, 1];
        int[] ids = [0, 1, 2];
        IndexHeap.Build(values, ids);

        values[0] = 1.5; // sentence 0's value fell
        IndexHeap.Down(values, ids, 0);

        Assert.Equal(1, ids[0]);
        Assert.True(IndexHeap.Before(2, 1, 1.5, 0));
        Assert.True(IndexHeap.Before(1.5, 0, 1.5, 2));
        Assert.False(IndexHeap.Before(double.NaN, 0, double.NegativeInfinity, 9));
    }

    [Fact]
    public void RandomHeaps_PopInSortedOrder()
    {
        var random = new Random(7);
        for (int round = 0; round < 200; round++)
        {
            int n = random.Next(1, 40);
            double[] values = [.. Enumerable.Range(0, n).Select(_ => random.Next(4) == 0 ? double.NaN : random.Next(5) / 4.0)];
            int[] ids = [.. Enumerable.Range(0, n).OrderBy(_ => random.Next())];
            var expected = ids.Select(i => (Value: values[Array.IndexOf(ids, i)], Id: i))
                .Where(p => !double.IsNaN(p.Value)).OrderByDescending(p => p.Value).ThenBy(p => p.Id).Select(p => p.Id).ToList();

            IndexHeap.Build(values, ids);
            var popped = new List<int>();
            for (int size = n; size > 0; size--)
            {
                popped.Add(ids[0]);
                IndexHeap.RemoveHead(values.AsSpan(0, size), ids.AsSpan(0, size));
            }

            Assert.Equal(expected, popped.Take(expected.Count));
            Assert.Equal(n, popped.Distinct().Count());
        }
    }
}
