using Engine.Analysis;
using Engine.Buffers;
using Engine.Summarization.Internal;
using Engine.Text;

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
    /// The summary of a document version made of <paramref name="sections"/>, each starting at
    /// <paramref name="starts"/>[i] with its first sentence at <paramref name="firstSentences"/>[i];
    /// the sections' greedy states carry the selection over from the last version.
    /// </summary>
    internal static Summary Combine(DocumentText text, ReadOnlySpan<SummarySection> sections, ReadOnlySpan<int> starts, ReadOnlySpan<int> firstSentences, SummarizerOptions options)
    {
        var placed = new PlacedSection[sections.Length];
        var greedy = new SectionGreedy[sections.Length];
        for (int i = 0; i < sections.Length; i++)
        {
            placed[i] = new PlacedSection(sections[i].Scores, starts[i], firstSentences[i]);
            greedy[i] = sections[i].Greedy;
        }

        return Combine(text, placed, options, greedy);
    }

    /// <summary>
    /// The summary of a document made of <paramref name="sections"/> (in order, each placed at its
    /// offset in <paramref name="text"/>): the sections' own features with the document-wide
    /// position feature, then greedy selection within the document's budget.
    /// </summary>
    internal static Summary Combine(DocumentText text, ReadOnlySpan<PlacedSection> sections, SummarizerOptions options, SectionGreedy[]? greedy = null)
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
            return Summary.Create(text, [], null, 0, 0);
        }

        ScoringStrategy strategy = ScoringStrategy.For(options.Algorithm);
        if (strategy.UsesDocumentFeatures)
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
            Gather(sections, strategy, options.Weights, f, words, sectionOf);
            Array.Clear(chosen, 0, n);
            int wordLimit = options.Budget.WordLimit(documentWords);
            int summaryWords = strategy.InDocumentOrder
                ? SelectLead(words, chosen, wordLimit, options.Budget.SentenceLimit)
                : Select(sections, greedy, sectionOf, bodyOffset, words, f.Score, f.Redundancy, strategy.RedundancyPenalty(options.Weights),
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
    private static void Gather(ReadOnlySpan<PlacedSection> sections, ScoringStrategy strategy, FeatureWeights weights, Features f, Span<int> words, Span<int> sectionOf)
    {
        int n = words.Length;
        if (strategy.UsesDocumentFeatures)
        {
            PositionTable.Fill(weights.PositionDecay, f.Position);
        }
        else
        {
            f.Position.Clear();
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
                f.Score[b] = strategy.Score(s, i, f.Position[b], share, n - b, weights, out SentenceFeatures x);
                f.Centrality[b] = x.Centrality;
                f.TitleOverlap[b] = x.TitleOverlap;
                f.Length[b] = x.Length;
                f.ParagraphStart[b] = x.ParagraphStart;
            }
        }
    }
}
