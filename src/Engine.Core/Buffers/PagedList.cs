using System.Collections;

namespace Engine.Buffers;

/// <summary>
/// A fixed-length read-only list kept in pages small enough to stay off the large object heap, so
/// a long document's results do not push the collector into full collections.
/// </summary>
internal sealed class PagedList<T> : IReadOnlyList<T>
{
    private const int PageBytes = 32 * 1024;
    private static readonly int PageSize = Math.Max(1, PageBytes / Math.Max(1, System.Runtime.CompilerServices.Unsafe.SizeOf<T>()));

    private readonly T[][] _pages;

    private PagedList(ReadOnlySpan<T> items)
    {
        Count = items.Length;
        _pages = new T[(items.Length + PageSize - 1) / PageSize][];
        for (int p = 0; p < _pages.Length; p++)
        {
            _pages[p] = items.Slice(p * PageSize, Math.Min(PageSize, items.Length - (p * PageSize))).ToArray();
        }
    }

    /// <summary>A copy of <paramref name="items"/>: an array when it fits one page, pages otherwise.</summary>
    public static IReadOnlyList<T> From(ReadOnlySpan<T> items) =>
        items.Length <= PageSize ? items.ToArray() : new PagedList<T>(items);

    public int Count { get; }

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _pages[index / PageSize][index % PageSize];
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        foreach (T[] page in _pages)
        {
            foreach (T item in page)
            {
                yield return item;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
