using Engine.Analysis;

namespace Engine.Tests.Analysis;

public class PageRankTests
{
    private static double[] Rank(int n, params (int A, int B, double W)[] edges)
    {
        var rows = new List<(int From, int To, double W)>();
        foreach ((int a, int b, double w) in edges)
        {
            rows.Add((a, b, w));
            rows.Add((b, a, w));
        }

        rows.Sort((x, y) => x.From != y.From ? x.From.CompareTo(y.From) : x.To.CompareTo(y.To));
        int[] start = new int[n + 1];
        foreach (var r in rows)
        {
            start[r.From + 1]++;
        }

        for (int i = 0; i < n; i++)
        {
            start[i + 1] += start[i];
        }

        double[] rank = new double[n];
        PageRank.Compute(start, [.. rows.Select(r => r.To)], [.. rows.Select(r => r.W)], rank, new double[n], new double[n], new double[n]);
        return rank;
    }

    [Fact]
    public void AStar_RanksItsCentreFirst_AndTheRanksSumToOne()
    {
        double[] rank = Rank(5, (0, 1, 1), (0, 2, 1), (0, 3, 1), (0, 4, 1));

        Assert.Equal(1.0, rank.Sum(), 1e-9);
        Assert.All(rank.Skip(1), r => Assert.True(rank[0] > 2 * r));
        Assert.All(rank.Skip(1), r => Assert.Equal(rank[1], r, 1e-12));
    }

    [Fact]
    public void ARing_RanksEveryNodeAlike_AndAnIsolatedNodeGetsTheLeast()
    {
        double[] ring = Rank(4, (0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 0, 1));
        Assert.All(ring, r => Assert.Equal(0.25, r, 1e-9));

        double[] withIsolated = Rank(4, (0, 1, 1), (1, 2, 1), (2, 0, 1));
        Assert.True(withIsolated[3] < withIsolated[0]);
        Assert.Equal(1.0, withIsolated.Sum(), 1e-9);
    }

    [Fact]
    public void AHeavierEdge_PullsRankTowardsItsEnds()
    {
        double[] rank = Rank(3, (0, 1, 5), (1, 2, 1));

        Assert.True(rank[1] > rank[0] && rank[0] > rank[2]);
    }

    [Fact]
    public void NoNodes_IsNoWork() => PageRank.Compute([0], [], [], [], [], [], []);
}
