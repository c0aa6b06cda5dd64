namespace Engine.Analysis;

/// <summary>
/// Weighted PageRank by power iteration over a symmetric graph in CSR form (row starts, columns,
/// weights): the sentence graphs of the summarizer and the word graph of the keyphrases.
/// </summary>
internal static class PageRank
{
    public const double Damping = 0.85;
    private const double Tolerance = 1e-12;
    private const int MaxIterations = 200;

    /// <summary>
    /// Writes the rank of each of the graph's <paramref name="rank"/>.Length nodes into
    /// <paramref name="rank"/>; node i's edges are <paramref name="cols"/> and
    /// <paramref name="weights"/> from <paramref name="rows"/>[i] to <paramref name="rows"/>[i + 1].
    /// The other spans are scratch of the same length.
    /// </summary>
    public static void Compute(
        ReadOnlySpan<int> rows, ReadOnlySpan<int> cols, ReadOnlySpan<double> weights, Span<double> rank, Span<double> scratch, Span<double> outWeight, Span<double> share)
    {
        int n = rank.Length;
        if (n == 0)
        {
            return;
        }

        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int k = rows[i]; k < rows[i + 1]; k++)
            {
                sum += weights[k];
            }

            outWeight[i] = sum;
            rank[i] = 1.0 / n;
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
