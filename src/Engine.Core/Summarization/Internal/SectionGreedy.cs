namespace Engine.Summarization.Internal;

/// <summary>
/// One section's part of the budgeted greedy selection, kept between versions of a document. The
/// MMR penalty only links sentences of the same section, so while every candidate fits the budget
/// the document's greedy order is the merge, by value, of each section's own greedy order: this
/// holds that order (<see cref="Prepare"/>), computed again only when the section's sentences'
/// scores change (its text, or a document-wide feature such as position), and the section's redundancy after its first picks
/// (<see cref="SnapshotAt"/>), from which the document's selection continues exactly once the
/// budget gets tight.
/// </summary>
internal sealed class SectionGreedy
{
    private SectionScores? _scores;
    private double[] _score = [];
    private double _penalty;
    private double _duplicate;
    private int[] _order = [];
    private double[] _value = [];
    private int _count;
    private double[] _redundancy = [];
    private bool[] _chosen = [];
    private int _picks;

    /// <summary>How many sentences the section's own greedy order holds (near-duplicates never enter it).</summary>
    public int Count => _count;

    /// <summary>The section's <paramref name="i"/>-th pick (a body index within the section).</summary>
    public int Pick(int i) => _order[i];

    /// <summary>The value of the section's <paramref name="i"/>-th pick when it was picked.</summary>
    public double Value(int i) => _value[i];

    /// <summary>
    /// Computes the section's greedy order over <paramref name="score"/> (its body sentences' scores)
    /// unless it is already held for this graph, these scores and these weights.
    /// </summary>
    public void Prepare(SectionScores scores, ReadOnlySpan<double> score, double penalty, double duplicate)
    {
        if (ReferenceEquals(scores, _scores) && score.SequenceEqual(_score) && penalty == _penalty && duplicate == _duplicate)
        {
            return;
        }

        (_scores, _score, _penalty, _duplicate) = (scores, score.ToArray(), penalty, duplicate);
        int n = score.Length;
        if (_order.Length < n)
        {
            _order = new int[n];
            _value = new double[n];
            _redundancy = new double[n];
            _chosen = new bool[n];
        }

        Span<double> redundancy = _redundancy.AsSpan(0, n);
        bool[] chosen = _chosen;
        redundancy.Clear();
        Array.Clear(chosen, 0, n);
        _count = 0;
        _picks = 0;

        // The section alone, with no budget: every sentence has "0 words" and always fits.
        int[] zeros = new int[n];
        (int doubles, int ints) = SelectionHeap.Scratch(n, 0);
        double[] initial = new double[n + doubles];
        int[] scratch = new int[ints];
        var value = new Summarizer.CurrentValue(score, redundancy, chosen, penalty, duplicate);
        for (int b = 0; b < n; b++)
        {
            initial[b] = value.Initial(b);
        }

        var heap = new SelectionHeap(zeros, initial.AsSpan(0, n), initial.AsSpan(n, doubles), scratch, 0);
        while (heap.TryPopBest(0, value, out int best))
        {
            _order[_count] = best;
            _value[_count] = value.Of(best);
            _count++;
            chosen[best] = true;
            Summarizer.Penalize(scores.Graph, 0, best, chosen, redundancy, penalty > 0 || duplicate < 1);
        }

        // The snapshot starts empty again.
        redundancy.Clear();
        Array.Clear(chosen, 0, n);
    }

    /// <summary>
    /// Writes the section's redundancy after its first <paramref name="picks"/> picks into
    /// <paramref name="redundancy"/> (its body sentences' slice of the document's), updating the
    /// snapshot from the last one when it only grew.
    /// </summary>
    public void SnapshotAt(int picks, Span<double> redundancy)
    {
        int n = redundancy.Length;
        if (picks < _picks)
        {
            _redundancy.AsSpan(0, n).Clear();
            Array.Clear(_chosen, 0, n);
            _picks = 0;
        }

        bool needed = _penalty > 0 || _duplicate < 1;
        for (; _picks < picks; _picks++)
        {
            int best = _order[_picks];
            _chosen[best] = true;
            Summarizer.Penalize(_scores!.Graph, 0, best, _chosen, _redundancy, needed);
        }

        _redundancy.AsSpan(0, n).CopyTo(redundancy);
    }
}
