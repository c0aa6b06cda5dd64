namespace Engine.Summarization.Internal;

/// <summary>
/// One section's part of the budgeted greedy selection, kept between versions of a document. The
/// MMR penalty only links sentences of the same section, so while every candidate fits the budget
/// the document's greedy order is the merge, by value, of each section's own greedy order: this
/// holds that order, extended only as far as the merge reads it (<see cref="HasPick"/>) and started
/// again only when the section's sentences' scores change (its text, or a document-wide feature
/// such as position), and the section's redundancy after its first picks (<see cref="SnapshotAt"/>),
/// from which the document's selection continues exactly once the budget gets tight.
/// </summary>
internal sealed class SectionGreedy
{
    private SectionScores? _scores;
    private double[] _score = [];
    private double _penalty;
    private double _duplicate;
    private int _n;

    // The section's own greedy order so far, and the state it continues from.
    private int[] _order = [];
    private double[] _value = [];
    private int _count;
    private double[] _redundancy = [];
    private bool[] _chosen = [];
    private double[] _heapValue = [];
    private int[] _heapId = [];
    private int _heapCount;

    // The redundancy after the first _snapshotPicks picks of the order.
    private double[] _snapshot = [];
    private bool[] _snapshotChosen = [];
    private int _snapshotPicks;

    /// <summary>The section's <paramref name="i"/>-th pick (a body index within the section).</summary>
    public int Pick(int i) => _order[i];

    /// <summary>The value of the section's <paramref name="i"/>-th pick when it was picked.</summary>
    public double Value(int i) => _value[i];

    /// <summary>
    /// Starts the section's greedy order over <paramref name="score"/> (its body sentences' scores)
    /// again, unless it is already held for this graph, these scores and these weights.
    /// </summary>
    public void Prepare(SectionScores scores, ReadOnlySpan<double> score, double penalty, double duplicate)
    {
        if (ReferenceEquals(scores, _scores) && score.SequenceEqual(_score) && penalty == _penalty && duplicate == _duplicate)
        {
            return;
        }

        (_scores, _score, _penalty, _duplicate, _n) = (scores, score.ToArray(), penalty, duplicate, score.Length);
        int n = _n;
        if (_order.Length < n)
        {
            _order = new int[n];
            _value = new double[n];
            _redundancy = new double[n];
            _chosen = new bool[n];
            _heapValue = new double[n];
            _heapId = new int[n];
            _snapshot = new double[n];
            _snapshotChosen = new bool[n];
        }

        _redundancy.AsSpan(0, n).Clear();
        Array.Clear(_chosen, 0, n);
        _count = 0;
        for (int b = 0; b < n; b++)
        {
            _heapValue[b] = Current(b);
            _heapId[b] = b;
        }

        _heapCount = n;
        IndexHeap.Build(_heapValue.AsSpan(0, n), _heapId.AsSpan(0, n));

        _snapshot.AsSpan(0, n).Clear();
        Array.Clear(_snapshotChosen, 0, n);
        _snapshotPicks = 0;
    }

    /// <summary>Whether the section's order has an <paramref name="i"/>-th pick, extending it as needed.</summary>
    public bool HasPick(int i)
    {
        while (_count <= i)
        {
            if (!Extend())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Writes the section's redundancy after its first <paramref name="picks"/> picks into
    /// <paramref name="redundancy"/> (its body sentences' slice of the document's), updating the
    /// snapshot from the last one when it only grew.
    /// </summary>
    public void SnapshotAt(int picks, Span<double> redundancy)
    {
        int n = redundancy.Length;
        if (picks < _snapshotPicks)
        {
            _snapshot.AsSpan(0, n).Clear();
            Array.Clear(_snapshotChosen, 0, n);
            _snapshotPicks = 0;
        }

        bool needed = _penalty > 0 || _duplicate < 1;
        for (; _snapshotPicks < picks; _snapshotPicks++)
        {
            int best = _order[_snapshotPicks];
            _snapshotChosen[best] = true;
            Summarizer.Penalize(_scores!.Graph, 0, best, _snapshotChosen, _snapshot, needed);
        }

        _snapshot.AsSpan(0, n).CopyTo(redundancy);
    }

    /// <summary>The value of sentence <paramref name="b"/> now (NaN once chosen or a near-duplicate), as the document's selection computes it.</summary>
    private double Current(int b) => Summarizer.Value(_score[b], _redundancy[b], _chosen[b], _penalty, _duplicate);

    /// <summary>One more pick of the section alone, with no budget (lazy: a stale head is refreshed and sunk).</summary>
    private bool Extend()
    {
        while (_heapCount > 0)
        {
            int id = _heapId[0];
            double value = Current(id);
            if (double.IsNaN(value))
            {
                RemoveHead();
                continue;
            }

            if (value != _heapValue[0])
            {
                _heapValue[0] = value;
                Down(0);
                continue;
            }

            RemoveHead();
            _order[_count] = id;
            _value[_count] = value;
            _count++;
            _chosen[id] = true;
            Summarizer.Penalize(_scores!.Graph, 0, id, _chosen, _redundancy, _penalty > 0 || _duplicate < 1);
            return true;
        }

        return false;
    }

    private void RemoveHead()
    {
        IndexHeap.RemoveHead(_heapValue.AsSpan(0, _heapCount), _heapId.AsSpan(0, _heapCount));
        _heapCount--;
    }

    private void Down(int i) => IndexHeap.Down(_heapValue.AsSpan(0, _heapCount), _heapId.AsSpan(0, _heapCount), i);
}
