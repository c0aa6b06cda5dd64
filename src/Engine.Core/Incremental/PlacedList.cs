using System.Collections;

namespace Engine.Incremental;

/// <summary>
/// Items of a document version (quotes, quote diagnostics): each section's own, placed at the
/// section's offset as they are read, like Roslyn's red nodes, so an edit costs nothing here and a
/// quote (a value) is placed without allocating.
/// </summary>
internal sealed class PlacedList<TPart, T> : IReadOnlyList<T>
{
    private readonly TPart[] _sections;
    private readonly int[] _starts;
    private readonly int[] _before; // items in the sections before each one; the last entry is the count
    private readonly Func<TPart, int, int, T> _placed; // (section's part, its offset, index within it) → the placed item

    public PlacedList(TPart[] sections, int[] starts, Func<TPart, int> count, Func<TPart, int, int, T> placed)
    {
        _sections = sections;
        _starts = starts;
        _placed = placed;
        _before = new int[sections.Length + 1];
        for (int i = 0; i < sections.Length; i++)
        {
            _before[i + 1] = _before[i] + count(sections[i]);
        }
    }

    public int Count => _before[^1];

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            int k = Array.BinarySearch(_before, index);
            k = k >= 0 ? k : ~k - 1;
            while (_before[k + 1] == _before[k])
            {
                k++; // sections without items share the index
            }

            return _placed(_sections[k], _starts[k], index - _before[k]);
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (int k = 0; k < _sections.Length; k++)
        {
            for (int i = 0; i < _before[k + 1] - _before[k]; i++)
            {
                yield return _placed(_sections[k], _starts[k], i);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
