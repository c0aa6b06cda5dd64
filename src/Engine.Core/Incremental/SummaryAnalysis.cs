using System.Globalization;
using System.Text;
using Engine.Analysis;
using Engine.Summarization;
using Engine.Text;

namespace Engine.Incremental;

/// <summary>The summary as a per-section analysis: each section's features, the document's budgeted selection.</summary>
internal sealed class SummaryAnalysis(SummarizerOptions options) : SectionAnalysis<SummarySection, Summary>
{
    public override string Name => "summary";

    protected override SummarySection AnalyzeSection(TextAnalysis section, CancellationToken cancellationToken) => SummarySection.Analyze(section, options);

    protected override Summary Place(DocumentText text, SummarySection[] parts, SectionLayout layout) =>
        Summarizer.Combine(text, parts, layout.Starts, layout.FirstSentences, options);

    /// <summary>
    /// Summary sentences by position: one before the edit stays put, one after it moves by the
    /// edit's length, one overlapping it is new.
    /// </summary>
    protected override EditStats Diff(EditStats stats, Summary before, Summary after, SummarySection[] replaced, SummarySection[] fresh, EditExtent edit)
    {
        // Both summaries are in document order, and so are the old sentences mapped into the new text.
        IReadOnlyList<ScoredSentence> old = before.Sentences;
        IReadOnlyList<ScoredSentence> now = after.Sentences;
        int kept = 0;
        for (int i = 0, j = 0; i < old.Count && j < now.Count;)
        {
            (int start, int end) = edit.Map(old[i].Start, old[i].End);
            if (start < 0 || start < now[j].Start)
            {
                i++;
            }
            else if (start > now[j].Start)
            {
                j++;
            }
            else
            {
                kept += end == now[j].End ? 1 : 0;
                i++;
                j++;
            }
        }

        return stats with { SummarySentencesAdded = now.Count - kept, SummarySentencesRemoved = old.Count - kept };
    }

    protected override Summary Scratch(string text) => Summarizer.Summarize(text, options);

    protected override string Describe(Summary result)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{result.DocumentWords} {result.SummaryWords}\n");
        foreach (ScoredSentence s in result.Sentences)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{s}\n");
        }

        foreach (ScoredSentence s in result.AllSentences)
        {
            sb.Append(CultureInfo.InvariantCulture, $"all {s}\n");
        }

        return sb.ToString();
    }
}
