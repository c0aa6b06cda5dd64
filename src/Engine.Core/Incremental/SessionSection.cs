using Engine.Analysis;
using Engine.Lexing;
using Engine.Sentences;

namespace Engine.Incremental;

/// <summary>
/// A green node of a <see cref="DocumentSession"/>: one section's analysis and its part of every
/// <see cref="SectionAnalysis"/> (summary features, quotes, …), all with offsets into the section,
/// so it is reused unchanged wherever the section moves.
/// </summary>
internal sealed class SessionSection : IDisposable
{
    private readonly SectionAnalysis?[] _analyses;

    private SessionSection(TextAnalysis analysis, SectionAnalysis?[] analyses, object?[] parts)
    {
        Analysis = analysis;
        _analyses = analyses;
        Parts = parts;
    }

    public TextAnalysis Analysis { get; }

    /// <summary>The section's part of each analysis, by slot (null for a slot the session does not run).</summary>
    public object?[] Parts { get; }

    /// <summary>Analyses <paramref name="text"/> as a section (the document's first when <paramref name="atDocumentStart"/>).</summary>
    public static SessionSection Create(string text, bool atDocumentStart, TermAnalyzer terms, SectionAnalysis?[] analyses, CancellationToken cancellationToken = default)
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

        return Create(analysis, analyses, cancellationToken);
    }

    /// <summary>Runs every analysis on a loaded section; takes ownership of <paramref name="analysis"/>.</summary>
    public static SessionSection Create(TextAnalysis analysis, SectionAnalysis?[] analyses, CancellationToken cancellationToken = default)
    {
        object?[] parts = new object?[analyses.Length];
        try
        {
            for (int k = 0; k < analyses.Length; k++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                parts[k] = analyses[k]?.Analyze(analysis, cancellationToken);
            }

            return new SessionSection(analysis, analyses, parts);
        }
        catch
        {
            Release(analyses, parts);
            analysis.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Release(_analyses, Parts);
        Analysis.Dispose();
    }

    private static void Release(SectionAnalysis?[] analyses, object?[] parts)
    {
        for (int k = parts.Length - 1; k >= 0; k--)
        {
            if (parts[k] is { } part)
            {
                analyses[k]!.Release(part);
            }
        }
    }
}
