namespace Engine.Summarization.Internal;

/// <summary>
/// The position feature 1 / (1 + index)^decay, computed once per decay and index and shared:
/// a long document's summary would otherwise raise every body sentence's index to a power again
/// on every edit. Values are exactly those of the formula.
/// </summary>
internal static class PositionTable
{
    private static Table s_table = new(0.3, []);

    /// <summary>Writes the feature of indices 0 to <paramref name="into"/>.Length − 1.</summary>
    public static void Fill(double decay, Span<double> into)
    {
        Table table = Volatile.Read(ref s_table);
        if (table.Decay != decay || table.Values.Length < into.Length)
        {
            double[] values = new double[Math.Max(into.Length, table.Decay == decay ? table.Values.Length * 2 : 0)];
            for (int b = 0; b < values.Length; b++)
            {
                values[b] = 1.0 / Math.Pow(1 + b, decay);
            }

            table = new Table(decay, values);
            Volatile.Write(ref s_table, table); // a racing writer's table is as good: both hold the formula's values
        }

        table.Values.AsSpan(0, into.Length).CopyTo(into);
    }

    private sealed record Table(double Decay, double[] Values);
}
