using Engine.Analysis;
using Engine.Lexing;
using Engine.Quotes;
using Engine.Sentences;
using Engine.Summarization;
using Engine.Summarization.Internal;

namespace Engine.Incremental;

/// <summary>
/// A green node of a <see cref="DocumentSession"/>: one section's analysis, summary features and
/// quotes, all with offsets into the section, so it is reused unchanged wherever the section
/// moves. Keeps its quotes placed at the offset they were last read at.
/// </summary>
internal sealed class SessionSection : IDisposable
{
    private Placed? _placed;

    private SessionSection(TextAnalysis analysis, SectionScores scores, QuoteResult quotes)
    {
        Analysis = analysis;
        Scores = scores;
        Quotes = quotes;
    }

    public TextAnalysis Analysis { get; }

    public SectionScores Scores { get; }

    /// <summary>The section's own greedy order and selection state, kept for the next version's summary.</summary>
    public SectionGreedy Greedy { get; } = new();

    /// <summary>The section's quotes, offsets into the section.</summary>
    public QuoteResult Quotes { get; }

    /// <summary>Analyses <paramref name="text"/> as a section (the document's first when <paramref name="atDocumentStart"/>).</summary>
    public static SessionSection Create(string text, bool atDocumentStart, TermAnalyzer terms, SummarizerOptions options)
    {
        var analysis = new TextAnalysis(terms);
        analysis.LoadSection(text, SentenceOptions.Default, atDocumentStart);
        return Create(analysis, options);
    }

    /// <summary>Scores a loaded section; takes ownership of <paramref name="analysis"/>.</summary>
    public static SessionSection Create(TextAnalysis analysis, SummarizerOptions options)
    {
        SectionScores? scores = null;
        try
        {
            scores = SectionScores.Compute(analysis, options);
            return new SessionSection(analysis, scores, QuoteExtractor.ExtractSection(analysis));
        }
        catch
        {
            scores?.Dispose();
            analysis.Dispose();
            throw;
        }
    }

    /// <summary>The section's quotes placed at <paramref name="offset"/> (kept for the offset last asked for).</summary>
    public IReadOnlyList<Quote> QuotesAt(int offset) => PlacedAt(offset).Quotes;

    /// <summary>The section's quote diagnostics placed at <paramref name="offset"/>.</summary>
    public IReadOnlyList<QuoteDiagnostic> DiagnosticsAt(int offset) => PlacedAt(offset).Diagnostics;

    private Placed PlacedAt(int offset)
    {
        Placed? placed = Volatile.Read(ref _placed);
        if (placed is null || placed.Offset != offset)
        {
            var quotes = new List<Quote>(Quotes.Quotes.Count);
            var diagnostics = new List<QuoteDiagnostic>(Quotes.Diagnostics.Count);
            QuoteExtractor.AppendShifted(Quotes, offset, quotes, diagnostics);
            placed = new Placed(offset, quotes, diagnostics);
            Volatile.Write(ref _placed, placed); // readers of different versions may race here: each gets its own offset's items
        }

        return placed;
    }

    public void Dispose()
    {
        Scores.Dispose();
        Analysis.Dispose();
    }

    private sealed record Placed(int Offset, List<Quote> Quotes, List<QuoteDiagnostic> Diagnostics);
}
