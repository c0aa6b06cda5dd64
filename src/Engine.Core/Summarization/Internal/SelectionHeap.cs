namespace Engine.Summarization.Internal;

/// <summary>
/// The candidates of a budgeted greedy selection, bucketed by word count, each bucket a binary
/// max-heap of (value, sentence) in <see cref="IndexHeap"/>'s order. The
/// best candidate that fits a remaining budget is the best head among the buckets of at most that
/// many words, found in a tournament tree over the buckets' heads, so a candidate too long for the
/// budget is never popped: choosing k sentences out of n costs O(n) to build and O(k log n) after.
/// Values are refreshed lazily: a stored value is an upper bound, checked when it reaches the top.
/// </summary>
internal ref struct SelectionHeap
{
    private readonly Span<double> _values;
    private readonly Span<int> _ids;
    private readonly Span<int> _bucketStart;   // per distinct word count: where its heap starts
    private readonly Span<int> _bucketCount;
    private readonly Span<int> _bucketWords;   // the distinct word counts, ascending
    private readonly Span<int> _tree;          // tournament tree over the buckets: the bucket with the best head, −1 for none
    private readonly int _leaves;

    /// <summary>Builds the buckets over <paramref name="words"/> with each sentence's initial value; the spans are scratch of the sizes <see cref="Scratch"/> gives.</summary>
    public SelectionHeap(ReadOnlySpan<int> words, ReadOnlySpan<double> values, Span<double> valueScratch, Span<int> intScratch, int maxWords)
    {
        int n = words.Length;
        _values = valueScratch[..n];
        _ids = intScratch[..n];
        Span<int> perWords = intScratch.Slice(n, maxWords + 2);
        perWords.Clear();
        foreach (int w in words)
        {
            perWords[w + 1]++;
        }

        int buckets = 0;
        for (int w = 0; w <= maxWords; w++)
        {
            buckets += perWords[w + 1] > 0 ? 1 : 0;
            perWords[w + 1] += perWords[w];
        }

        Span<int> rest = intScratch[(n + maxWords + 2)..];
        _bucketStart = rest[..buckets];
        _bucketCount = rest.Slice(buckets, buckets);
        _bucketWords = rest.Slice(2 * buckets, buckets);
        for (int w = 0, b = 0; w <= maxWords; w++)
        {
            if (perWords[w + 1] > perWords[w])
            {
                _bucketStart[b] = perWords[w];
                _bucketCount[b] = 0;
                _bucketWords[b] = w;
                b++;
            }
        }

        // Sentences in index order within each bucket, then each bucket made a heap.
        for (int w = 0, b = 0; w <= maxWords; w++)
        {
            perWords[w] = b < buckets && _bucketWords[b] == w ? b++ : -1; // now: word count → bucket
        }

        for (int i = 0; i < n; i++)
        {
            int b = perWords[words[i]];
            int at = _bucketStart[b] + _bucketCount[b]++;
            _values[at] = values[i];
            _ids[at] = i;
        }

        for (int b = 0; b < buckets; b++)
        {
            IndexHeap.Build(_values.Slice(_bucketStart[b], _bucketCount[b]), _ids.Slice(_bucketStart[b], _bucketCount[b]));
        }

        _leaves = Leaves(buckets);
        _tree = rest.Slice(3 * buckets, 2 * _leaves);
        _tree.Fill(-1);
        for (int b = 0; b < buckets; b++)
        {
            _tree[_leaves + b] = b;
        }

        for (int i = _leaves - 1; i >= 1; i--)
        {
            _tree[i] = Better(_tree[2 * i], _tree[(2 * i) + 1]);
        }
    }

    /// <summary>The scratch sizes for <paramref name="n"/> sentences of at most <paramref name="maxWords"/> words.</summary>
    public static (int Doubles, int Ints) Scratch(int n, int maxWords)
    {
        int buckets = Math.Min(n, maxWords + 1);
        return (n, n + maxWords + 2 + (3 * buckets) + (2 * Leaves(buckets)));
    }

    private static int Leaves(int buckets) => (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, buckets));

    /// <summary>
    /// The best candidate of at most <paramref name="remaining"/> words whose current value (by
    /// <paramref name="current"/>, NaN to drop it for good) is highest; false when none is left.
    /// </summary>
    public bool TryPopBest<TValues>(int remaining, TValues current, out int best)
        where TValues : ICurrentValue, allows ref struct
    {
        best = -1;
        int fits = _bucketWords.BinarySearch(remaining);
        fits = fits >= 0 ? fits + 1 : ~fits; // buckets [0, fits) hold sentences of at most `remaining` words
        while (fits > 0)
        {
            int b = Best(fits);
            if (b < 0)
            {
                return false;
            }

            int head = _bucketStart[b];
            int id = _ids[head];
            double value = current.Of(id);
            if (double.IsNaN(value))
            {
                RemoveHead(b);
                continue;
            }

            if (value != _values[head])
            {
                // Stale: the value fell since it was stored; sink it to its place.
                _values[head] = value;
                Down(b, 0);
                Update(b);
                continue;
            }

            RemoveHead(b);
            best = id;
            return true;
        }

        return false;
    }

    /// <summary>The bucket among [0, <paramref name="count"/>) with the best head, or −1.</summary>
    private readonly int Best(int count)
    {
        if (count == _bucketWords.Length)
        {
            return Better(_tree[1], -1); // the root (with one bucket, its leaf, which may have emptied)
        }

        int best = -1;
        for (int lo = _leaves, hi = _leaves + count - 1; lo <= hi; lo >>= 1, hi >>= 1)
        {
            if ((lo & 1) == 1)
            {
                best = Better(best, _tree[lo++]);
            }

            if ((hi & 1) == 0)
            {
                best = Better(best, _tree[hi--]);
            }
        }

        return best;
    }

    private readonly void Update(int bucket)
    {
        for (int i = (_leaves + bucket) >> 1; i >= 1; i >>= 1)
        {
            _tree[i] = Better(_tree[2 * i], _tree[(2 * i) + 1]);
        }
    }

    /// <summary>Of two buckets, the one whose head comes first (an empty bucket or −1 never does).</summary>
    private readonly int Better(int a, int b)
    {
        if (a < 0 || _bucketCount[a] == 0)
        {
            return b < 0 || _bucketCount[b] == 0 ? -1 : b;
        }

        if (b < 0 || _bucketCount[b] == 0)
        {
            return a;
        }

        int ha = _bucketStart[a];
        int hb = _bucketStart[b];
        return IndexHeap.Before(_values[hb], _ids[hb], _values[ha], _ids[ha]) ? b : a;
    }

    private void RemoveHead(int b)
    {
        int start = _bucketStart[b];
        IndexHeap.RemoveHead(_values.Slice(start, _bucketCount[b]), _ids.Slice(start, _bucketCount[b]));
        _bucketCount[b]--;
        Update(b);
    }

    private readonly void Down(int bucket, int i)
    {
        int start = _bucketStart[bucket];
        IndexHeap.Down(_values.Slice(start, _bucketCount[bucket]), _ids.Slice(start, _bucketCount[bucket]), i);
    }
}

/// <summary>A candidate's current value, or NaN when it can never be chosen.</summary>
internal interface ICurrentValue
{
    double Of(int id);
}
