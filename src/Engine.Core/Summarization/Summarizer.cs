using Engine.Analysis;
using Engine.Buffers;
using Engine.Summarization.Internal;

namespace Engine.Summarization;

/// <summary>
/// Extractive summarization: scores the body sentences of a text and picks the best within a
/// budget, verbatim and in document order. Titles and headings are used as features and never
/// returned. Deterministic: the same text and options give the same summary, ties going to the
/// earlier sentence.
/// </summary>
public static partial class Summarizer
{
    /// <summary>Summarizes <paramref name="text"/> with pooled analysis state.</summary>
    public static Summary Summarize(string text, SummarizerOptions? options = null) =>
        AnalysisPool.Analyze(text, options, static (analysis, o) => Summarize(analysis, o));

    /// <summary>
    /// Summarizes an analysed text: each section is scored on its own, then the document's budget is
    /// filled. <paramref name="cancellationToken"/> is checked between sections.
    /// </summary>
    public static Summary Summarize(TextAnalysis analysis, SummarizerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        cancellationToken.ThrowIfCancellationRequested();
        options ??= SummarizerOptions.Default;
        int count = analysis.SectionCount;
        if (count == 1)
        {
            var only = new PlacedSection(SectionScores.Compute(analysis, options), 0, 0);
            try
            {
                return Combine(analysis.Text, new ReadOnlySpan<PlacedSection>(in only), options);
            }
            finally
            {
                only.Scores.Dispose();
            }
        }

        var sections = new PlacedSection[count];
        try
        {
            for (int i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                sections[i] = new PlacedSection(SectionScores.Compute(analysis.Section(i), options), analysis.SectionStart(i), analysis.SectionFirstSentence(i));
            }

            cancellationToken.ThrowIfCancellationRequested();
            return Combine(analysis.Text, sections, options);
        }
        finally
        {
            foreach (PlacedSection section in sections)
            {
                section.Scores?.Dispose();
            }
        }
    }

    /// <summary>
    /// The summary of a document made of <paramref name="sections"/> (in order, each placed at its
    /// offset in <paramref name="text"/>): the sections' own features with the document-wide
    /// position feature, then greedy selection within the document's budget.
    /// </summary>
    internal static Summary Combine(SummaryText text, ReadOnlySpan<PlacedSection> sections, SummarizerOptions options, SectionGreedy[]? greedy = null)
    {
        int n = 0;
        int documentWords = 0;
        foreach (PlacedSection section in sections)
        {
            n += section.Scores.BodyCount;
            documentWords += section.Scores.Words;
        }

        if (n == 0)
        {
            return text.Make([], null, 0, 0);
        }

        if (options.Algorithm == SummaryAlgorithm.Engine)
        {
            int[] title = SectionScores.DocumentTitleTerms(options.Title, sections[0].Scores);
            foreach (PlacedSection section in sections)
            {
                section.Scores.ScoreTitle(title);
            }
        }

        double[] work = EnginePools.Arrays<double>().Rent(n * 7);
        int[] ints = EnginePools.Arrays<int>().Rent((n * 2) + sections.Length);
        bool[] chosen = EnginePools.Arrays<bool>().Rent(n);
        try
        {
            var f = new Features(work, n);
            Span<int> words = ints.AsSpan(0, n);
            Span<int> sectionOf = ints.AsSpan(n, n);
            Span<int> bodyOffset = ints.AsSpan(2 * n, sections.Length);
            for (int k = 0, offset = 0; k < sections.Length; offset += sections[k].Scores.BodyCount, k++)
            {
                bodyOffset[k] = offset;
            }

            f.Redundancy.Clear();
            Gather(sections, options, f, words, sectionOf);
            Array.Clear(chosen, 0, n);
            int wordLimit = options.Budget.WordLimit(documentWords);
            int summaryWords = options.Algorithm == SummaryAlgorithm.Lead
                ? SelectLead(words, chosen, wordLimit, options.Budget.SentenceLimit)
                : Select(sections, greedy, sectionOf, bodyOffset, words, f.Score, f.Redundancy, options.Algorithm == SummaryAlgorithm.Engine ? options.Weights.Redundancy : 0,
                    options.Weights.DuplicateThreshold, chosen, wordLimit, options.Budget.SentenceLimit);
            return BuildSummary(text, sections, sectionOf, options, f, chosen, documentWords, summaryWords);
        }
        finally
        {
            EnginePools.Arrays<bool>().Return(chosen);
            EnginePools.Arrays<int>().Return(ints);
            EnginePools.Arrays<double>().Return(work);
        }
    }

    /// <summary>Copies the sections' features into document order and computes each sentence's score.</summary>
    private static void Gather(ReadOnlySpan<PlacedSection> sections, SummarizerOptions options, Features f, Span<int> words, Span<int> sectionOf)
    {
        int n = words.Length;
        FeatureWeights w = options.Weights;
        if (options.Algorithm == SummaryAlgorithm.Engine)
        {
            PositionTable.Fill(w.PositionDecay, f.Position);
        }

        int b = 0;
        for (int k = 0; k < sections.Length; k++)
        {
            SectionScores s = sections[k].Scores;
            double share = (double)s.BodyCount / n;
            for (int i = 0; i < s.BodyCount; i++, b++)
            {
                words[b] = s.WordCounts[i];
                sectionOf[b] = k;
                f.ParagraphStart[b] = s.ParagraphStart[i];
                switch (options.Algorithm)
                {
                    case SummaryAlgorithm.Lead:
                        f.Score[b] = n - b;
                        f.Centrality[b] = f.Position[b] = f.TitleOverlap[b] = f.Length[b] = 0;
                        break;
                    case SummaryAlgorithm.TextRank:
                    case SummaryAlgorithm.LexRank:
                        // A section's ranks sum to 1; weighted by its share they compare across sections.
                        f.Score[b] = s.Centrality[i] * share;
                        f.Centrality[b] = f.Position[b] = f.TitleOverlap[b] = f.Length[b] = 0;
                        break;
                    default:
                        f.Centrality[b] = s.Centrality[i];
                        f.TitleOverlap[b] = s.TitleOverlap[i];
                        f.Length[b] = s.Length[i];
                        f.Score[b] = (w.Centrality * f.Centrality[b]) + (w.Position * f.Position[b]) + (w.TitleOverlap * f.TitleOverlap[b]) + (w.Length * f.Length[b])
                            + (w.ParagraphStart * f.ParagraphStart[b]);
                        break;
                }
            }
        }
    }
}
