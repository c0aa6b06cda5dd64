using System.Buffers;

namespace Engine.Buffers;

/// <summary>A snapshot of the engine's pool counters.</summary>
/// <param name="ArraysRented">Arrays rented from <see cref="EnginePools"/>' array pools.</param>
/// <param name="ArraysReturned">Arrays returned to them.</param>
/// <param name="AnalysesRented">Per-request analysis objects taken from the analysis pool.</param>
/// <param name="AnalysesReturned">Analysis objects given back.</param>
/// <param name="AnalysesAlive">Analysis objects that exist (in use or retained by the pool).</param>
/// <param name="ArraysInLists">Arrays held by <see cref="PooledList{T}"/>s that have not been disposed (each holds one while it holds any): with nothing in flight and no document open, every outstanding array is one of these.</param>
public readonly record struct PoolStatistics(long ArraysRented, long ArraysReturned, long AnalysesRented, long AnalysesReturned, long AnalysesAlive, long ArraysInLists)
{
    /// <summary>Arrays rented and not yet returned.</summary>
    public long ArraysOutstanding => ArraysRented - ArraysReturned;

    /// <summary>Analyses taken from the pool and not yet given back.</summary>
    public long AnalysesInUse => AnalysesRented - AnalysesReturned;
}

/// <summary>
/// The engine's pools and their counters. Every array the engine rents goes through
/// <see cref="Arrays{T}"/>, so a test (or a metrics exporter) can check that each one comes back.
/// </summary>
public static class EnginePools
{
    private static long s_arraysRented;
    private static long s_arraysReturned;
    private static long s_analysesRented;
    private static long s_analysesReturned;
    private static long s_analysesAlive;
    private static long s_arraysInLists;

    /// <summary>The counters now.</summary>
    public static PoolStatistics Statistics => new(
        Interlocked.Read(ref s_arraysRented),
        Interlocked.Read(ref s_arraysReturned),
        Interlocked.Read(ref s_analysesRented),
        Interlocked.Read(ref s_analysesReturned),
        Interlocked.Read(ref s_analysesAlive),
        Interlocked.Read(ref s_arraysInLists));

    /// <summary>The counting array pool for <typeparamref name="T"/> (backed by <see cref="ArrayPool{T}.Shared"/>).</summary>
    internal static ArrayPool<T> Arrays<T>() => CountingArrayPool<T>.Instance;

    /// <summary>Returns <paramref name="array"/> (unless it is empty) to <see cref="Arrays{T}"/> and leaves it empty.</summary>
    internal static void Return<T>(ref T[] array)
    {
        if (array.Length > 0)
        {
            Arrays<T>().Return(array);
        }

        array = [];
    }

    internal static void AnalysisRented() => Interlocked.Increment(ref s_analysesRented);

    internal static void AnalysisReturned() => Interlocked.Increment(ref s_analysesReturned);

    internal static void AnalysisCreated() => Interlocked.Increment(ref s_analysesAlive);

    internal static void AnalysisDisposed() => Interlocked.Decrement(ref s_analysesAlive);

    /// <summary>A list began (<paramref name="holds"/>) or stopped holding a rented array, if it rents from the counting pools.</summary>
    internal static void ListHolds<T>(ArrayPool<T> pool, bool holds)
    {
        if (pool == CountingArrayPool<T>.Instance)
        {
            Interlocked.Add(ref s_arraysInLists, holds ? 1 : -1);
        }
    }

    private sealed class CountingArrayPool<T> : ArrayPool<T>
    {
        public static readonly CountingArrayPool<T> Instance = new();

        public override T[] Rent(int minimumLength)
        {
            Interlocked.Increment(ref s_arraysRented);
            return Shared.Rent(minimumLength);
        }

        public override void Return(T[] array, bool clearArray = false)
        {
            Interlocked.Increment(ref s_arraysReturned);
            Shared.Return(array, clearArray);
        }
    }
}
