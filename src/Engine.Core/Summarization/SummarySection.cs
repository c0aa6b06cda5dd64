using Engine.Analysis;
using Engine.Summarization.Internal;

namespace Engine.Summarization;

/// <summary>
/// One section's part of a summary, position-free: its scores (features, similarity graph,
/// centrality) and its greedy selection state, kept by an editing session for every section an
/// edit did not touch and combined into the document's summary by <c>Summarizer.Combine</c>.
/// </summary>
internal sealed class SummarySection : IDisposable
{
    private SummarySection(SectionScores scores) => Scores = scores;

    /// <summary>The section's features.</summary>
    internal SectionScores Scores { get; }

    /// <summary>The section's own greedy order and selection state, kept for the next version's summary.</summary>
    internal SectionGreedy Greedy { get; } = new();

    /// <summary>Scores section <paramref name="section"/> for <paramref name="options"/>.</summary>
    public static SummarySection Analyze(TextAnalysis section, SummarizerOptions options) => new(SectionScores.Compute(section, options));

    public void Dispose() => Scores.Dispose();
}
