using Engine.Quotes;
using Engine.Summarization;
using Engine.Text;

namespace Engine.Incremental;

/// <summary>The analysis of one version of a document: its summary, its quotes and how many sentences it has.</summary>
public sealed class DocumentResult
{
    private readonly object[] _results;

    internal DocumentResult(SourceText source, object[] results, int sentenceCount)
    {
        Source = source;
        _results = results;
        SentenceCount = sentenceCount;
    }

    /// <summary>The version's text.</summary>
    public SourceText Source { get; }

    /// <summary>The version's text as one string (built on first use).</summary>
    public string Text => Source.ToString();

    /// <summary>The summary.</summary>
    public Summary Summary => (Summary)_results[SectionAnalyses.Summary];

    /// <summary>The quotes and their diagnostics.</summary>
    public QuoteResult Quotes => (QuoteResult)_results[SectionAnalyses.Quotes];

    /// <summary>The result of the analysis in slot <paramref name="slot"/> of <see cref="SectionAnalyses"/>.</summary>
    internal object Result(int slot) => _results[slot];

    /// <summary>How many sentences the text has (title and headings included).</summary>
    public int SentenceCount { get; }
}

/// <summary>What an edit cost and changed.</summary>
/// <param name="SentencesReused">Sentences whose tokens and term ids were carried over from the previous version.</param>
/// <param name="SentencesAnalyzed">Sentences lexed again for this version (holding a token the edit touched, or in a section whose bounds moved).</param>
/// <param name="SummarySentencesAdded">Summary sentences that are new in this version (an old one the edit overlapped counts as new).</param>
/// <param name="SummarySentencesRemoved">Summary sentences that left the summary.</param>
/// <param name="QuotesAdded">Quotes (by content, speaker and kind) that are new.</param>
/// <param name="QuotesRemoved">Quotes that are gone.</param>
/// <param name="SectionsReused">Sections (<see cref="Text.TextSections"/>) whose analysis, features and quotes were carried over.</param>
/// <param name="SectionsAnalyzed">Sections whose features and quotes were computed for this version (their sentences' tokens are still reused where the edit did not touch them).</param>
public readonly record struct EditStats(
    int SentencesReused, int SentencesAnalyzed, int SummarySentencesAdded, int SummarySentencesRemoved, int QuotesAdded, int QuotesRemoved,
    int SectionsReused = 0, int SectionsAnalyzed = 0);

/// <summary>A new version and what changed to reach it.</summary>
public sealed record EditResult(long Version, DocumentResult Result, EditStats Stats);
