using Engine.Analysis;
using Engine.Text;

namespace Engine.Incremental;

/// <summary>An edit's extent: the old range [Start, OldEnd) became [Start, OldEnd + Delta).</summary>
internal readonly record struct EditExtent(int Start, int OldEnd, int Delta)
{
    public int NewEnd => OldEnd + Delta;

    /// <summary>Where an old range lies in the new text, or (−1, −1) when the edit overlapped it.</summary>
    public (int Start, int End) Map(int start, int end) =>
        end <= Start ? (start, end) : start >= OldEnd ? (start + Delta, end + Delta) : (-1, -1);
}

/// <summary>
/// One per-section analysis of a document (the summary's features, the quotes, the keyphrases):
/// computed for each section alone with offsets into it (<see cref="Analyze"/>), so a section's
/// part is reused unchanged wherever an edit moves the section; combined for a version by placing
/// the sections' parts at their offsets (<see cref="Place"/>); and compared across versions for
/// the edit's statistics (<see cref="Diff"/>). A <see cref="DocumentSession"/> keeps one part per
/// analysis in each section node (<see cref="SessionSection"/>). Because a from-scratch analysis
/// computes the same sections the same way, the placed result equals it
/// (<see cref="FromScratch"/> is what the property tests compare with).
/// </summary>
internal abstract class SectionAnalysis
{
    /// <summary>A short name, for tests and messages.</summary>
    public abstract string Name { get; }

    /// <summary>Computes a section's part (offsets into the section); owned by the section node.</summary>
    public abstract object Analyze(TextAnalysis section, CancellationToken cancellationToken);

    /// <summary>The document's result: the sections' <paramref name="parts"/> (in order), placed at <paramref name="layout"/>.</summary>
    public abstract object Place(DocumentText text, ReadOnlySpan<object> parts, SectionLayout layout);

    /// <summary>
    /// <paramref name="stats"/> with what this analysis saw change between two versions;
    /// <paramref name="replaced"/> and <paramref name="fresh"/> are the parts of the sections the edit
    /// replaced and of those analysed for it.
    /// </summary>
    public abstract EditStats Diff(EditStats stats, object before, object after, ReadOnlySpan<object> replaced, ReadOnlySpan<object> fresh, EditExtent edit);

    /// <summary>The result of analysing <paramref name="text"/> from scratch through the feature's own entry point.</summary>
    public abstract object FromScratch(string text);

    /// <summary>A canonical text of a result: two results are the same when these are.</summary>
    public abstract string Describe(object result);

    /// <summary>Returns what a part rented.</summary>
    public virtual void Release(object part) => (part as IDisposable)?.Dispose();
}

/// <summary>Where a document's sections lie: each one's first UTF-16 offset and first sentence index.</summary>
internal readonly record struct SectionLayout(int[] Starts, int[] FirstSentences);

/// <summary>A <see cref="SectionAnalysis"/> with typed parts and results.</summary>
/// <typeparam name="TPart">A section's part, position-free.</typeparam>
/// <typeparam name="TResult">The document's result.</typeparam>
internal abstract class SectionAnalysis<TPart, TResult> : SectionAnalysis
    where TPart : class
    where TResult : class
{
    public sealed override object Analyze(TextAnalysis section, CancellationToken cancellationToken) => AnalyzeSection(section, cancellationToken);

    public sealed override object Place(DocumentText text, ReadOnlySpan<object> parts, SectionLayout layout) => Place(text, Typed(parts), layout);

    public sealed override EditStats Diff(EditStats stats, object before, object after, ReadOnlySpan<object> replaced, ReadOnlySpan<object> fresh, EditExtent edit) =>
        Diff(stats, (TResult)before, (TResult)after, Typed(replaced), Typed(fresh), edit);

    public sealed override object FromScratch(string text) => Scratch(text);

    public sealed override string Describe(object result) => Describe((TResult)result);

    /// <summary>A section's part.</summary>
    protected abstract TPart AnalyzeSection(TextAnalysis section, CancellationToken cancellationToken);

    /// <summary>The document's result from its sections' parts at <paramref name="layout"/>.</summary>
    protected abstract TResult Place(DocumentText text, TPart[] parts, SectionLayout layout);

    /// <summary>The edit's statistics with this analysis' changes (none by default).</summary>
    protected virtual EditStats Diff(EditStats stats, TResult before, TResult after, TPart[] replaced, TPart[] fresh, EditExtent edit) => stats;

    /// <summary>The feature's own from-scratch result of <paramref name="text"/>.</summary>
    protected abstract TResult Scratch(string text);

    /// <summary>A canonical text of <paramref name="result"/>.</summary>
    protected abstract string Describe(TResult result);

    private static TPart[] Typed(ReadOnlySpan<object> parts)
    {
        var typed = new TPart[parts.Length];
        for (int i = 0; i < typed.Length; i++)
        {
            typed[i] = (TPart)parts[i];
        }

        return typed;
    }
}
