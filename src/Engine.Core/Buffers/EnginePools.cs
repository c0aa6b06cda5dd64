using System.Buffers;

namespace Engine.Buffers;

/// <summary>A snapshot of the engine's pool counters.</summary>
/// <param name="ArraysRented">Arrays rented from <see cref="EnginePools"/>' array pools.</param>
/// <param name="ArraysReturned">Arrays returned to them.</param>
/// <param name="AnalysesRented">Per-request analysis objects taken from the analysis pool.</param>
/// <param name="AnalysesReturned">Analysis objects given back.</param>
/// <param name="AnalysesAlive">Analysis objects that exist (in use or retained by the pool); each holds <see cref="EnginePools.ArraysPerAnalysis"/> arrays.</param>
public readonly record struct PoolStatistics(long ArraysRented, long ArraysReturned, long AnalysesRented, long AnalysesReturned, long AnalysesAlive)
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
    /// <summary>How many pooled arrays one <see cref="Analysis.TextAnalysis"/> keeps while it lives.</summary>
    public const int ArraysPerAnalysis = 6;

    private static long s_arraysRented;
    private static long s_arraysReturned;
    private static long s_analysesRented;
    private static long s_analysesReturned;
    private static long s_analysesAlive;

    /// <summary>The counters now.</summary>
    public static PoolStatistics Statistics => new(
        Interlocked.Read(ref s_arraysRented),
        Interlocked.Read(ref s_arraysReturned),
        Interlocked.Read(ref s_analysesRented),
        Interlocked.Read(ref s_analysesReturned),
        Interlocked.Read(ref s_analysesAlive));

    /// <summary>The counting array pool for <typeparamref name="T"/> (backed by <see cref="ArrayPool{T}.Shared"/>).</summary>
    public static ArrayPool<T> Arrays<T>() => CountingArrayPool<T>.Instance;

    internal static void AnalysisRented() => Interlocked.Increment(ref s_analysesRented);

    internal static void AnalysisReturned() => Interlocked.Increment(ref s_analysesReturned);

    internal static void AnalysisCreated() => Interlocked.Increment(ref s_analysesAlive);

    internal static void AnalysisDisposed() => Interlocked.Decrement(ref s_analysesAlive);

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
