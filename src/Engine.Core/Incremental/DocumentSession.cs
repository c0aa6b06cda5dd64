using Engine.Analysis;
using Engine.Quotes;
using Engine.Summarization;

namespace Engine.Incremental;

/// <summary>
/// One open document: an immutable text per version and its analysis. <see cref="Apply"/> takes
/// changes against a base version and either produces the next version or, when a change is
/// invalid or the base is stale, throws <see cref="EditRejectedException"/> and leaves the
/// document exactly as it was. Thread-safe: edits to one session are serialized.
/// </summary>
/// <remarks>
/// This version re-analyses the whole text on every edit (every sentence counts as analysed, none
/// as reused), so its result is by construction the from-scratch analysis.
/// </remarks>
public sealed class DocumentSession
{
    private readonly Lock _gate = new();
    private readonly SummarizerOptions _options;

    private DocumentSession(string text, SummarizerOptions options)
    {
        _options = options;
        Version = 1;
        Current = Analyze(text, options);
    }

    /// <summary>The current version, starting at 1.</summary>
    public long Version { get; private set; }

    /// <summary>The current analysis.</summary>
    public DocumentResult Current { get; private set; }

    /// <summary>Opens a document at version 1.</summary>
    public static DocumentSession Open(string text, SummarizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new DocumentSession(text, options ?? SummarizerOptions.Default);
    }

    /// <summary>
    /// Applies <paramref name="changes"/> (UTF-16 offsets into version <paramref name="baseVersion"/>).
    /// <paramref name="validate"/> sees the new text before it is analysed; if it throws, nothing changes.
    /// </summary>
    public EditResult Apply(long baseVersion, IReadOnlyList<TextChange> changes, Action<string>? validate = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            if (baseVersion != Version)
            {
                throw new EditRejectedException(EditError.StaleVersion, $"base_version {baseVersion} is not the current version {Version}.");
            }

            string text = ApplyChanges(Current.Text, changes);
            validate?.Invoke(text);
            DocumentResult previous = Current;
            DocumentResult next = Analyze(text, _options);
            Version++;
            Current = next;
            return new EditResult(Version, next, Diff(previous, next));
        }
    }

    /// <summary>The text after <paramref name="changes"/>, validated like Roslyn's <c>WithChanges</c>.</summary>
    public static string ApplyChanges(string text, IReadOnlyList<TextChange> changes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(changes);
        var ordered = changes.OrderBy(c => c.Start).ThenBy(c => c.End).ToArray();
        var builder = new System.Text.StringBuilder(text.Length);
        int at = 0;
        foreach (TextChange c in ordered)
        {
            if (c.Start < 0 || c.End < c.Start || c.End > text.Length)
            {
                throw new EditRejectedException(EditError.InvalidChange, $"edit [{c.Start}, {c.End}) is outside the text (length {text.Length}) or reversed.");
            }

            if (c.Start < at)
            {
                throw new EditRejectedException(EditError.InvalidChange, $"edit [{c.Start}, {c.End}) overlaps another edit.");
            }

            builder.Append(text, at, c.Start - at).Append(c.NewText);
            at = c.End;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }

    private static DocumentResult Analyze(string text, SummarizerOptions options) =>
        AnalysisPool.Analyze(text, options, static (analysis, o) =>
            new DocumentResult(analysis.Text, Summarizer.Summarize(analysis, o), QuoteExtractor.Extract(analysis), analysis.Sentences.Length));

    private static EditStats Diff(DocumentResult before, DocumentResult after)
    {
        var oldSummary = before.Summary.SentenceTexts.ToHashSet(StringComparer.Ordinal);
        var newSummary = after.Summary.SentenceTexts.ToHashSet(StringComparer.Ordinal);
        var oldQuotes = before.Quotes.Quotes.Select(Key).ToHashSet();
        var newQuotes = after.Quotes.Quotes.Select(Key).ToHashSet();
        return new EditStats(
            SentencesReused: 0,
            SentencesAnalyzed: after.SentenceCount,
            SummarySentencesAdded: newSummary.Count(s => !oldSummary.Contains(s)),
            SummarySentencesRemoved: oldSummary.Count(s => !newSummary.Contains(s)),
            QuotesAdded: newQuotes.Count(q => !oldQuotes.Contains(q)),
            QuotesRemoved: oldQuotes.Count(q => !newQuotes.Contains(q)));

        static (QuoteKind, string, string) Key(Quote q) => (q.Kind, q.Content, q.SpeakerCanonical);
    }
}
