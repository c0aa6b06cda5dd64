using System.Buffers;
using System.Runtime.CompilerServices;

namespace Engine.Buffers;

/// <summary>
/// A growable list over arrays rented from <see cref="ArrayPool{T}"/>. It keeps its array across
/// <see cref="Clear"/>, so a list reused per document allocates nothing once warmed up;
/// <see cref="Dispose"/> returns the array to the pool. One owner at a time.
/// </summary>
internal sealed class PooledList<T> : IDisposable
    where T : struct
{
    private readonly ArrayPool<T> _pool;
    private T[] _items;
    private int _count;

    /// <summary>Creates a list renting from <paramref name="pool"/> (the shared pool by default).</summary>
    public PooledList(int capacity = 64, ArrayPool<T>? pool = null)
    {
        _pool = pool ?? EnginePools.Arrays<T>();
        _items = capacity > 0 ? _pool.Rent(capacity) : [];
        if (_items.Length > 0)
        {
            EnginePools.ListHolds(_pool, holds: true);
        }
    }

    /// <summary>How many items the list holds.</summary>
    public int Count => _count;

    /// <summary>The items, valid until the next mutation.</summary>
    public Span<T> Span => _items.AsSpan(0, _count);

    /// <summary>A reference to item <paramref name="index"/>.</summary>
    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                ThrowHelper.ThrowArgumentOutOfRange(nameof(index), "Index is outside the list.");
            }

            return ref _items[index];
        }
    }

    /// <summary>Appends an item.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in T item)
    {
        T[] items = _items;
        int count = _count;
        if ((uint)count < (uint)items.Length)
        {
            items[count] = item;
            _count = count + 1;
        }
        else
        {
            AddWithResize(item);
        }
    }

    /// <summary>Appends <paramref name="items"/>.</summary>
    public void AddRange(ReadOnlySpan<T> items)
    {
        if (_count + items.Length > _items.Length)
        {
            Grow(_count + items.Length);
        }

        items.CopyTo(_items.AsSpan(_count));
        _count += items.Length;
    }

    /// <summary>Empties the list and keeps its array.</summary>
    public void Clear() => _count = 0;

    /// <summary>Returns the array to the pool; the list is empty afterwards and may be used again.</summary>
    public void Dispose()
    {
        T[] items = _items;
        _items = [];
        _count = 0;
        if (items.Length > 0)
        {
            _pool.Return(items);
            EnginePools.ListHolds(_pool, holds: false);
        }
    }

    /// <summary>Copies the items into a new array.</summary>
    public T[] ToArray() => Span.ToArray();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddWithResize(in T item)
    {
        Grow(_count + 1);
        _items[_count++] = item;
    }

    private void Grow(int atLeast)
    {
        T[] bigger = _pool.Rent(Math.Max(Math.Max(16, atLeast), _items.Length * 2));
        _items.AsSpan(0, _count).CopyTo(bigger);
        if (_items.Length > 0)
        {
            _pool.Return(_items);
        }
        else
        {
            EnginePools.ListHolds(_pool, holds: true);
        }

        _items = bigger;
    }
}
