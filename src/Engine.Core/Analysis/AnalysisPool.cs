using Engine.Buffers;
using Microsoft.Extensions.ObjectPool;

namespace Engine.Analysis;

/// <summary>
/// Pooled <see cref="TextAnalysis"/> instances: per-request analysis state that keeps its rented
/// arrays and its term table between documents. Instances grown by an unusually large document,
/// or whose vocabulary has grown past a bound, are dropped instead of returned.
/// </summary>
public static class AnalysisPool
{
    /// <summary>A term table larger than this is not kept (its memory goes back to the GC).</summary>
    public const int MaxPooledTerms = 200_000;

    /// <summary>A document with more tokens than this makes its analysis too big to keep.</summary>
    public const int MaxPooledTokens = 1 << 20;

    /// <summary>An analysis that holds more section analyses than this (a text of over 1 Mi characters) is not kept.</summary>
    public const int MaxPooledSections = 64;

    /// <summary>The process-wide pool; every Get and Return is counted in <see cref="EnginePools.Statistics"/>.</summary>
    public static ObjectPool<TextAnalysis> Shared { get; } =
        new CountingPool(new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 2 }.Create(new Policy()));

    /// <summary>
    /// Analyses <paramref name="text"/> with a pooled <see cref="TextAnalysis"/>, runs
    /// <paramref name="work"/> on it and returns the analysis to the pool on every path.
    /// Pass a static lambda and its <paramref name="state"/> to allocate nothing here.
    /// <paramref name="cancellationToken"/> is checked while the text is analysed; pass it on to the
    /// work so that a long text stops within one section's work of being cancelled.
    /// </summary>
    public static TResult Analyze<TState, TResult>(string text, TState state, Func<TextAnalysis, TState, TResult> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(work);
        TextAnalysis analysis = Shared.Get();
        try
        {
            analysis.Load(text, cancellationToken: cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            return work(analysis, state);
        }
        finally
        {
            Shared.Return(analysis);
        }
    }

    /// <summary>
    /// <see cref="Analyze{TState, TResult}"/> for work that awaits (writing results to a stream as
    /// they are found): the analysis goes back to the pool when the work's task ends, on every path.
    /// </summary>
    public static async Task<TResult> AnalyzeAsync<TState, TResult>(string text, TState state, Func<TextAnalysis, TState, Task<TResult>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(work);
        TextAnalysis analysis = Shared.Get();
        try
        {
            analysis.Load(text, cancellationToken: cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            return await work(analysis, state).ConfigureAwait(false);
        }
        finally
        {
            Shared.Return(analysis);
        }
    }

    /// <summary>Whether a returned analysis is small enough to keep in the pool.</summary>
    internal static bool Keeps(TextAnalysis analysis) =>
        analysis.Terms.Terms.Count <= MaxPooledTerms && analysis.Tokens.Length <= MaxPooledTokens && analysis.RetainedSections <= MaxPooledSections;

    private sealed class CountingPool(ObjectPool<TextAnalysis> inner) : ObjectPool<TextAnalysis>
    {
        public override TextAnalysis Get()
        {
            EnginePools.AnalysisRented();
            return inner.Get();
        }

        public override void Return(TextAnalysis obj)
        {
            EnginePools.AnalysisReturned();
            inner.Return(obj);
        }
    }

    private sealed class Policy : PooledObjectPolicy<TextAnalysis>
    {
        public override TextAnalysis Create() => new();

        public override bool Return(TextAnalysis obj)
        {
            if (!Keeps(obj))
            {
                obj.Dispose();
                return false;
            }

            return true;
        }
    }
}
