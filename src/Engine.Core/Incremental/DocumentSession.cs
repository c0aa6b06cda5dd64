using Engine.Analysis;
using Engine.Buffers;
using Engine.Lexing;
using Engine.Sentences;
using Engine.Summarization;
using Engine.Text;

namespace Engine.Incremental;

/// <summary>
/// One open document: an immutable <see cref="SourceText"/> per version and its analysis.
/// <see cref="Apply"/> takes changes against a base version and either produces the next version
/// or, when a change is invalid or the base is stale, throws <see cref="EngineException"/>
/// and leaves the document exactly as it was. Thread-safe: edits to one session are serialized.
/// </summary>
/// <remarks>
/// The document is kept as its sections (<see cref="TextSections"/>), each a position-free green
/// node: its analysis, its summary features and its quotes, with offsets into the section. An edit
/// finds the sections again from the last boundary before it until they line up with the old ones,
/// re-analyses only the new sections (re-lexing only the tokens the edit touched when one section
/// replaces one) and reuses every other node. The red layer, rebuilt per version, places the
/// sections: the document-wide position feature, the budgeted selection, the quotes' offsets.
/// Since a from-scratch analysis computes the same sections the same way, the result is the same.
/// </remarks>
public sealed class DocumentSession : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SectionAnalysis?[] _analyses;
    private readonly TermAnalyzer _terms = new();
    private SourceText _source;
    private SessionSection[] _sections;
    private int[] _starts;
    private bool _disposed;

    private DocumentSession(string text, long version, SummarizerOptions options, DocumentParts parts, CancellationToken cancellationToken)
    {
        _analyses = DocumentResult.Analyses(options, parts);
        _source = SourceText.From(text);
        (_sections, _starts) = Analyze(text, cancellationToken);
        Version = version;
        Current = Place(_source, _sections, _starts);
    }

    /// <summary>The current version, starting at 1.</summary>
    public long Version { get; private set; }

    /// <summary>The current analysis.</summary>
    public DocumentResult Current { get; private set; }

    /// <summary>The current text.</summary>
    public SourceText Source => _source;

    /// <summary>How many sections the current text is analysed in.</summary>
    public int SectionCount => _sections.Length;

    /// <summary>The analyses the session runs per section, by slot (null where not asked for).</summary>
    internal IReadOnlyList<SectionAnalysis?> Analyses => _analyses;

    /// <summary>The current tokens (for tests comparing them with a fresh tokenization).</summary>
    internal IReadOnlyList<Token> Tokens
    {
        get
        {
            lock (_gate)
            {
                var tokens = new List<Token>();
                for (int i = 0; i < _sections.Length; i++)
                {
                    foreach (Token t in _sections[i].Analysis.Tokens)
                    {
                        tokens.Add(t with { Start = t.Start + _starts[i] });
                    }
                }

                return tokens;
            }
        }
    }

    /// <summary>
    /// Opens a document at version 1 whose versions hold <paramref name="parts"/> (a session that
    /// never shows quotes never extracts them); <paramref name="cancellationToken"/> is checked
    /// between sections.
    /// </summary>
    public static DocumentSession Open(string text, SummarizerOptions? options = null, DocumentParts parts = DocumentParts.All, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new DocumentSession(text, 1, options ?? SummarizerOptions.Default, parts, cancellationToken);
    }

    /// <summary>
    /// Opens a document that continues at <paramref name="version"/> (a session restored from storage
    /// on another machine): the same analysis as <see cref="Open"/>, numbered as the version it was.
    /// </summary>
    public static DocumentSession Resume(string text, long version, SummarizerOptions? options = null, DocumentParts parts = DocumentParts.All, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return new DocumentSession(text, version, options ?? SummarizerOptions.Default, parts, cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="changes"/> (UTF-16 offsets into version <paramref name="baseVersion"/>).
    /// <paramref name="validate"/> sees the new text before it is analysed; if it throws, nothing changes.
    /// The new text is never built as one string here: sections are read from its chunks, and
    /// <see cref="DocumentResult.Text"/> builds the string only when asked for. A cancelled edit
    /// (<paramref name="cancellationToken"/> is checked between sections) changes nothing.
    /// </summary>
    public EditResult Apply(long baseVersion, IReadOnlyList<TextChange> changes, Action<SourceText>? validate = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            if (_disposed)
            {
                throw new EngineException(Problem.DocumentClosed);
            }

            if (baseVersion != Version)
            {
                throw new EngineException(Problem.StaleVersion, baseVersion, Version);
            }

            TextChange[] ordered = SourceText.Validate(changes, _source.Length);
            SourceText source = _source.WithOrderedChanges(ordered);
            validate?.Invoke(source);

            DocumentResult previous = Current;
            if (ordered.Length == 0)
            {
                _source = source;
                Version++;
                return new EditResult(Version, previous, new EditStats(previous.SentenceCount, 0, 0, 0, 0, 0, _sections.Length, 0));
            }

            var edit = new EditExtent(ordered[0].Start, ordered[^1].End, source.Length - _source.Length);
            (int first, int afterOld, SessionSection[] fresh, int[] freshStarts, int analyzed) = Reanalyze(source, edit, cancellationToken);
            SessionSection[] sections = [.. _sections.AsSpan(0, first), .. fresh, .. _sections.AsSpan(afterOld)];
            int[] starts = new int[sections.Length];
            _starts.AsSpan(0, first).CopyTo(starts);
            freshStarts.CopyTo(starts, first);
            for (int i = afterOld; i < _sections.Length; i++)
            {
                starts[first + fresh.Length + i - afterOld] = _starts[i] + edit.Delta;
            }

            DocumentResult next;
            try
            {
                next = Place(source, sections, starts);
            }
            catch
            {
                Dispose(fresh);
                throw;
            }

            EditStats stats = Diff(previous, next, edit, _sections.AsSpan(first, afterOld - first), fresh, analyzed, sections.Length - fresh.Length);
            Dispose(_sections.AsSpan(first, afterOld - first));
            _sections = sections;
            _starts = starts;
            _source = source;
            Version++;
            Current = next;
            return new EditResult(Version, next, stats);
        }
    }

    /// <summary>Closes the session and returns its pooled arrays (after any edit in progress).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Dispose(_sections);
        }
    }

    private static void Dispose(ReadOnlySpan<SessionSection> sections)
    {
        foreach (SessionSection section in sections)
        {
            section.Dispose();
        }
    }

    /// <summary>
    /// Finds the sections again from the last boundary before the edit until one lands, past the
    /// edit, on an old boundary, and analyses the new ones. Returns the first replaced section,
    /// the first old section kept after them, the new sections with their starts, and how many
    /// sentences were analysed.
    /// </summary>
    private (int First, int AfterOld, SessionSection[] Fresh, int[] Starts, int Analyzed) Reanalyze(SourceText text, EditExtent edit, CancellationToken cancellationToken)
    {
        int first = 0;
        while (first + 1 < _starts.Length && _starts[first + 1] < edit.Start)
        {
            first++;
        }

        var starts = new List<int>();
        var ends = new List<int>();
        int afterOld = _sections.Length;
        for (int p = _starts[first]; ;)
        {
            int end = TextSections.End(text, p);
            starts.Add(p);
            ends.Add(end);
            if (end >= text.Length)
            {
                break;
            }

            if (end >= edit.NewEnd)
            {
                int old = Array.BinarySearch(_starts, first + 1, _starts.Length - first - 1, end - edit.Delta);
                if (old > first)
                {
                    afterOld = old;
                    break;
                }
            }

            p = end;
        }

        var fresh = new SessionSection[starts.Count];
        int analyzed = 0;
        try
        {
            for (int i = 0; i < fresh.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string sectionText = text.Substring(starts[i], ends[i] - starts[i]);
                bool atStart = starts[i] == 0;
                if (fresh.Length == 1 && afterOld == first + 1)
                {
                    // One section replaces one: re-lex only the tokens the edit touched.
                    int offset = _starts[first];
                    TextAnalysis old = _sections[first].Analysis;
                    using var tokens = new PooledList<Token>(old.Tokens.Length + 16);
                    using var ids = new PooledList<int>(old.Tokens.Length + 16);
                    Relexed lexed = IncrementalLexer.Relex(sectionText, old.Tokens, old.TokenTerms, edit.Start - offset, edit.OldEnd - offset, edit.Delta, _terms, tokens, ids);
                    var analysis = new TextAnalysis(_terms);
                    analysis.LoadLexed(sectionText, tokens.Span, ids.Span, SentenceOptions.Default, atStart);
                    fresh[i] = SessionSection.Create(analysis, _analyses, cancellationToken);
                    analyzed += CountTouched(analysis.Sentences, lexed.RelexedFirst, lexed.RelexedCount);
                }
                else
                {
                    fresh[i] = SessionSection.Create(sectionText, atStart, _terms, _analyses, cancellationToken);
                    analyzed += fresh[i].Analysis.Sentences.Length;
                }
            }
        }
        catch
        {
            Dispose(fresh.Where(s => s is not null).ToArray());
            throw;
        }

        return (first, afterOld, fresh, [.. starts], analyzed);
    }

    /// <summary>Analyses a whole text into sections.</summary>
    private (SessionSection[] Sections, int[] Starts) Analyze(string text, CancellationToken cancellationToken)
    {
        var sections = new List<SessionSection>();
        var starts = new List<int>();
        try
        {
            for (int p = 0; p < text.Length || sections.Count == 0;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int end = TextSections.End(text, p);
                sections.Add(SessionSection.Create(text[p..end], p == 0, _terms, _analyses, cancellationToken));
                starts.Add(p);
                p = end;
            }
        }
        catch
        {
            Dispose(sections.ToArray());
            throw;
        }

        return ([.. sections], [.. starts]);
    }

    /// <summary>The red layer: every analysis' sections placed at their offsets (the summary over the document's budget).</summary>
    private DocumentResult Place(SourceText text, SessionSection[] sections, int[] starts)
    {
        int[] firstSentences = new int[sections.Length];
        int sentences = 0;
        for (int i = 0; i < sections.Length; i++)
        {
            firstSentences[i] = sentences;
            sentences += sections[i].Analysis.Sentences.Length;
        }

        var layout = new SectionLayout(starts, firstSentences);
        object?[] results = new object?[_analyses.Length];
        for (int k = 0; k < _analyses.Length; k++)
        {
            results[k] = _analyses[k]?.Place(text, Parts(sections, k), layout);
        }

        return new DocumentResult(text, results, sentences);
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

    /// <summary>What the edit cost (sentences and sections analysed and reused) and what each analysis saw change.</summary>
    private EditStats Diff(DocumentResult before, DocumentResult after, EditExtent edit, ReadOnlySpan<SessionSection> replaced, SessionSection[] fresh, int analyzed, int sectionsReused)
    {
        var stats = new EditStats(
            SentencesReused: after.SentenceCount - analyzed, SentencesAnalyzed: analyzed, 0, 0, 0, 0, SectionsReused: sectionsReused, SectionsAnalyzed: fresh.Length);
        for (int k = 0; k < _analyses.Length; k++)
        {
            stats = _analyses[k]?.Diff(stats, before.Result(k)!, after.Result(k)!, Parts(replaced, k), Parts(fresh, k), edit) ?? stats;
        }

        return stats;
    }

    /// <summary>The sections' parts of the analysis in slot <paramref name="slot"/>.</summary>
    private static object[] Parts(ReadOnlySpan<SessionSection> sections, int slot)
    {
        object[] parts = new object[sections.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = sections[i].Parts[slot]!;
        }

        return parts;
    }
}
