namespace Engine.Summarization.Internal;

/// <summary>Weighted PageRank by power iteration over a <see cref="SentenceGraph"/>.</summary>
internal static class PageRank
{
    public const double Damping = 0.85;
    private const double Tolerance = 1e-12;
    private const int MaxIterations = 200;

    /// <summary>Writes each node's rank into <paramref name="rank"/> (which may hold a warm start); the other spans are scratch of the same length.</summary>
    public static void Compute(SentenceGraph graph, Span<double> rank, Span<double> scratch, Span<double> outWeight, Span<double> share, bool warmStart = false)
    {
        int n = graph.Count;
        if (n == 0)
        {
            return;
        }

        ReadOnlySpan<int> rows = graph.RowStart;
        ReadOnlySpan<int> cols = graph.Columns;
        ReadOnlySpan<double> weights = graph.Weights;
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int k = rows[i]; k < rows[i + 1]; k++)
            {
                sum += weights[k];
            }

            outWeight[i] = sum;
            if (!warmStart)
            {
                rank[i] = 1.0 / n;
            }
        }

        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            double dangling = 0;
            for (int i = 0; i < n; i++)
            {
                if (outWeight[i] == 0)
                {
                    dangling += rank[i];
                }
            }

            double base_ = (1 - Damping) / n + Damping * dangling / n;

            // Each node's rank per unit of out-weight, once per iteration rather than once per edge.
            for (int j = 0; j < n; j++)
            {
                share[j] = outWeight[j] == 0 ? 0 : rank[j] / outWeight[j];
            }

            double delta = 0;
            for (int i = 0; i < n; i++)
            {
                // The graph is symmetric: node i's in-edges are its row.
                double sum = 0;
                for (int k = rows[i]; k < rows[i + 1]; k++)
                {
                    sum += weights[k] * share[cols[k]];
                }

                scratch[i] = base_ + Damping * sum;
                delta += Math.Abs(scratch[i] - rank[i]);
            }

            scratch[..n].CopyTo(rank);
            if (delta < Tolerance)
            {
                break;
            }
        }
    }
}
