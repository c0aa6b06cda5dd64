using Engine.Buffers;
using Engine.Sentences;
using Engine.Summarization.Internal;
using Engine.Text;

namespace Engine.Summarization;

/// <summary>Building the summary from the chosen sentences and their features.</summary>
public static partial class Summarizer
{
    private static Summary BuildSummary(
        DocumentText text, ReadOnlySpan<PlacedSection> sections, ReadOnlySpan<int> sectionOf, SummarizerOptions options, Features f,
        bool[] chosen, int documentWords, int summaryWords)
    {
        int n = sectionOf.Length;
        int count = 0;
        for (int b = 0; b < n; b++)
        {
            count += chosen[b] ? 1 : 0;
        }

        ScoredSentence[] rented = EnginePools.Arrays<ScoredSentence>().Rent(Math.Max(1, count + (options.Explain ? n : 0)));
        Span<ScoredSentence> selected = rented.AsSpan(0, count);
        Span<ScoredSentence> all = options.Explain ? rented.AsSpan(count, n) : default;
        bool explain = options.Explain;
        int offset = 0;
        for (int b = 0, k = 0; b < n; b++)
        {
            if (b > 0 && sectionOf[b] != sectionOf[b - 1])
            {
                offset = b;
            }

            if (!chosen[b] && !explain)
            {
                continue;
            }

            PlacedSection placed = sections[sectionOf[b]];
            int index = placed.Scores.Body[b - offset];
            Sentence s = placed.Scores.Analysis.Sentences[index];
            var scored = new ScoredSentence(
                placed.FirstSentence + index, placed.Start + s.Start, placed.Start + s.End, f.Score[b],
                new SentenceFeatures(f.Centrality[b], f.Position[b], f.TitleOverlap[b], f.Length[b], f.Redundancy[b], f.ParagraphStart[b]));
            if (chosen[b])
            {
                selected[k++] = scored;
            }

            if (explain)
            {
                all[b] = scored;
            }
        }

        Summary summary = Summary.Create(text, PagedList<ScoredSentence>.From(selected), explain ? PagedList<ScoredSentence>.From(all) : null, documentWords, summaryWords);
        EnginePools.Arrays<ScoredSentence>().Return(rented);
        return summary;
    }

    /// <summary>The per-sentence arrays of one summary, in document order, over one rented array.</summary>
    private readonly ref struct Features(double[] work, int n)
    {
        public Span<double> Score { get; } = work.AsSpan(0, n);

        public Span<double> Centrality { get; } = work.AsSpan(n, n);

        public Span<double> Position { get; } = work.AsSpan(2 * n, n);

        public Span<double> TitleOverlap { get; } = work.AsSpan(3 * n, n);

        public Span<double> Length { get; } = work.AsSpan(4 * n, n);

        public Span<double> Redundancy { get; } = work.AsSpan(5 * n, n);

        public Span<double> ParagraphStart { get; } = work.AsSpan(6 * n, n);
    }
}
