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
/// moves.
/// </summary>
internal sealed class SessionSection : IDisposable
{
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
    public static SessionSection Create(string text, bool atDocumentStart, TermAnalyzer terms, SummarizerOptions options, CancellationToken cancellationToken = default)
    {
        var analysis = new TextAnalysis(terms);
        try
        {
            analysis.LoadSection(text, SentenceOptions.Default, atDocumentStart, cancellationToken);
        }
        catch
        {
            analysis.Dispose();
            throw;
        }

        return Create(analysis, options, cancellationToken);
    }

    /// <summary>Scores a loaded section; takes ownership of <paramref name="analysis"/>.</summary>
    public static SessionSection Create(TextAnalysis analysis, SummarizerOptions options, CancellationToken cancellationToken = default)
    {
        SectionScores? scores = null;
        try
        {
            scores = SectionScores.Compute(analysis, options);
            return new SessionSection(analysis, scores, QuoteExtractor.ExtractSection(analysis, cancellationToken));
        }
        catch
        {
            scores?.Dispose();
            analysis.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Scores.Dispose();
        Analysis.Dispose();
    }
}
