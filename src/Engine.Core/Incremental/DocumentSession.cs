using Engine.Analysis;
using Engine.Lexing;
using Engine.Quotes;
using Engine.Sentences;
using Engine.Summarization;

namespace Engine.Incremental;

/// <summary>
/// One open document: an immutable <see cref="SourceText"/> per version and its analysis.
/// <see cref="Apply"/> takes changes against a base version and either produces the next version
/// or, when a change is invalid or the base is stale, throws <see cref="EditRejectedException"/>
/// and leaves the document exactly as it was. Thread-safe: edits to one session are serialized.
/// </summary>
/// <remarks>
/// An edit re-lexes only the tokens it touched (<see cref="IncrementalLexer"/>) and reuses the
/// rest with their term ids; sentences, term vectors, the summary and the quotes are then computed
/// from that token stream exactly as for a fresh text, so the result equals a from-scratch analysis.
/// The sentences whose tokens were all reused are reported as reused.
/// </remarks>
public sealed class DocumentSession : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SummarizerOptions _options;
    private readonly TermAnalyzer _terms = new();
    private readonly TextAnalysis _analysis;
    private SourceText _source;
    private LexedText _lexed;
    private bool _disposed;

    private DocumentSession(string text, SummarizerOptions options)
    {
        _options = options;
        _analysis = new TextAnalysis(_terms);
        _source = SourceText.From(text);
        _lexed = IncrementalLexer.Lex(text, _terms);
        Version = 1;
        Current = Analyze(text);
    }

    /// <summary>The current version, starting at 1.</summary>
    public long Version { get; private set; }

    /// <summary>The current analysis.</summary>
    public DocumentResult Current { get; private set; }

    /// <summary>The current text.</summary>
    public SourceText Source => _source;

    /// <summary>The current tokens (for tests comparing them with a fresh tokenization).</summary>
    internal IReadOnlyList<Lexing.Token> Tokens => _lexed.Tokens;

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
            if (_disposed)
            {
                throw new EditRejectedException(EditError.Closed, "the document was closed.");
            }

            if (baseVersion != Version)
            {
                throw new EditRejectedException(EditError.StaleVersion, $"base_version {baseVersion} is not the current version {Version}.");
            }

            TextChange[] ordered = SourceText.Validate(changes, _source.Length);
            SourceText source = _source.WithOrderedChanges(ordered);
            string text = source.ToString();
            validate?.Invoke(text);

            LexedText lexed = ordered.Length == 0
                ? _lexed
                : IncrementalLexer.Relex(text, _lexed, ordered[0].Start, ordered[^1].End, text.Length - _source.Length, _terms);
            DocumentResult previous = Current;
            DocumentResult next = Analyze(text, lexed);
            int analyzed = ordered.Length == 0 ? 0 : CountTouched(_analysis.Sentences, lexed.RelexedFirst, lexed.RelexedCount);

            _source = source;
            _lexed = lexed;
            Version++;
            Current = next;
            return new EditResult(Version, next, Diff(previous, next, analyzed));
        }
    }

    /// <summary>Closes the session and returns its pooled arrays (after any edit in progress).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _analysis.Dispose();
        }
    }

    private DocumentResult Analyze(string text, LexedText? lexed = null)
    {
        LexedText l = lexed ?? _lexed;
        _analysis.LoadLexed(text, l.Tokens, l.Terms);
        return new DocumentResult(text, Summarizer.Summarize(_analysis, _options), QuoteExtractor.Extract(_analysis), _analysis.Sentences.Length);
    }

    /// <summary>Sentences that hold at least one re-lexed token.</summary>
    private static int CountTouched(ReadOnlySpan<Sentence> sentences, int first, int count)
    {
        int touched = 0;
        int last = first + count - 1;
        foreach (Sentence s in sentences)
        {
            if (count > 0 && s.FirstToken <= last && s.FirstToken + s.TokenCount - 1 >= first)
            {
                touched++;
            }
        }

        return touched;
    }

    private static EditStats Diff(DocumentResult before, DocumentResult after, int analyzed)
    {
        var oldSummary = before.Summary.SentenceTexts.ToHashSet(StringComparer.Ordinal);
        var newSummary = after.Summary.SentenceTexts.ToHashSet(StringComparer.Ordinal);
        var oldQuotes = before.Quotes.Quotes.Select(Key).ToHashSet();
        var newQuotes = after.Quotes.Quotes.Select(Key).ToHashSet();
        return new EditStats(
            SentencesReused: after.SentenceCount - analyzed,
            SentencesAnalyzed: analyzed,
            SummarySentencesAdded: newSummary.Count(s => !oldSummary.Contains(s)),
            SummarySentencesRemoved: oldSummary.Count(s => !newSummary.Contains(s)),
            QuotesAdded: newQuotes.Count(q => !oldQuotes.Contains(q)),
            QuotesRemoved: oldQuotes.Count(q => !newQuotes.Contains(q)));

        static (QuoteKind, string, string) Key(Quote q) => (q.Kind, q.Content, q.SpeakerCanonical);
    }
}
