using Engine.Buffers;

namespace Engine.Summarization.Internal;

/// <summary>
/// A binary max-heap of (value, sentence) over rented arrays: the highest value first, ties to the
/// lower sentence index, so popping follows the order a left-to-right scan for the maximum would.
/// </summary>
internal struct SelectionHeap : IDisposable
{
    private double[] _values;
    private int[] _ids;
    private int _count;

    public SelectionHeap(int capacity)
    {
        _values = EnginePools.Arrays<double>().Rent(Math.Max(1, capacity));
        _ids = EnginePools.Arrays<int>().Rent(Math.Max(1, capacity));
        _count = 0;
    }

    /// <summary>Appends without ordering; call <see cref="Heapify"/> before popping.</summary>
    public void Add(double value, int id)
    {
        _values[_count] = value;
        _ids[_count] = id;
        _count++;
    }

    public void Heapify()
    {
        for (int i = (_count / 2) - 1; i >= 0; i--)
        {
            Down(i);
        }
    }

    /// <summary>Inserts an entry that was popped (so there is room).</summary>
    public void Push(double value, int id)
    {
        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) / 2;
            if (!Before(value, id, _values[parent], _ids[parent]))
            {
                break;
            }

            _values[i] = _values[parent];
            _ids[i] = _ids[parent];
            i = parent;
        }

        _values[i] = value;
        _ids[i] = id;
    }

    public bool TryPop(out double value, out int id)
    {
        if (_count == 0)
        {
            value = 0;
            id = -1;
            return false;
        }

        value = _values[0];
        id = _ids[0];
        _count--;
        if (_count > 0)
        {
            _values[0] = _values[_count];
            _ids[0] = _ids[_count];
            Down(0);
        }

        return true;
    }

    public void Dispose()
    {
        EnginePools.Arrays<double>().Return(_values);
        EnginePools.Arrays<int>().Return(_ids);
        _values = [];
        _ids = [];
        _count = 0;
    }

    private static bool Before(double value, int id, double otherValue, int otherId) =>
        value > otherValue || (value == otherValue && id < otherId);

    private readonly void Down(int i)
    {
        double value = _values[i];
        int id = _ids[i];
        while (true)
        {
            int child = (2 * i) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && Before(_values[child + 1], _ids[child + 1], _values[child], _ids[child]))
            {
                child++;
            }

            if (!Before(_values[child], _ids[child], value, id))
            {
                break;
            }

            _values[i] = _values[child];
            _ids[i] = _ids[child];
            i = child;
        }

        _values[i] = value;
        _ids[i] = id;
    }
}
