namespace Engine.Summarization.Internal;

/// <summary>
/// A binary max-heap of (value, id) pairs kept in two spans of the heap's size: the highest value
/// first, ties to the lower id (the earlier sentence), NaN (out of the running) after everything.
/// The one order every greedy selection uses (<see cref="SelectionHeap"/>'s buckets,
/// <see cref="SectionGreedy"/>, the merge of sections' greedy orders), so they agree on every tie.
/// </summary>
internal static class IndexHeap
{
    /// <summary>Whether (<paramref name="value"/>, <paramref name="id"/>) comes before (<paramref name="otherValue"/>, <paramref name="otherId"/>).</summary>
    public static bool Before(double value, int id, double otherValue, int otherId) =>
        !double.IsNaN(value) && (double.IsNaN(otherValue) || value > otherValue || (value == otherValue && id < otherId));

    /// <summary>Makes the pairs a heap.</summary>
    public static void Build(Span<double> values, Span<int> ids)
    {
        for (int i = (values.Length / 2) - 1; i >= 0; i--)
        {
            Down(values, ids, i);
        }
    }

    /// <summary>Sinks entry <paramref name="i"/> (whose value may have fallen) to its place.</summary>
    public static void Down(Span<double> values, Span<int> ids, int i)
    {
        int count = values.Length;
        if (count == 0)
        {
            return;
        }

        double value = values[i];
        int id = ids[i];
        while (true)
        {
            int child = (2 * i) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && Before(values[child + 1], ids[child + 1], values[child], ids[child]))
            {
                child++;
            }

            if (!Before(values[child], ids[child], value, id))
            {
                break;
            }

            values[i] = values[child];
            ids[i] = ids[child];
            i = child;
        }

        values[i] = value;
        ids[i] = id;
    }

    /// <summary>Removes the head of a heap of <paramref name="values"/>.Length entries; the heap is then one shorter.</summary>
    public static void RemoveHead(Span<double> values, Span<int> ids)
    {
        int last = values.Length - 1;
        values[0] = values[last];
        ids[0] = ids[last];
        Down(values[..last], ids[..last], 0);
    }
}
