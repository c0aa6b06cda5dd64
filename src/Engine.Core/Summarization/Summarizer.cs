using Engine.Analysis;
using Engine.Buffers;
using Engine.Sentences;
using Engine.Summarization.Internal;

namespace Engine.Summarization;

/// <summary>
/// Extractive summarization: scores the body sentences of a text and picks the best within a
/// budget, verbatim and in document order. Titles and headings are used as features and never
/// returned. Deterministic: the same text and options give the same summary, ties going to the
/// earlier sentence.
/// </summary>
public static class Summarizer
{
    /// <summary>Summarizes <paramref name="text"/> with pooled analysis state.</summary>
    public static Summary Summarize(string text, SummarizerOptions? options = null) =>
        AnalysisPool.Analyze(text, options, static (analysis, o) => Summarize(analysis, o));

    /// <summary>Summarizes an analysed text: each section is scored on its own, then the document's budget is filled.</summary>
    public static Summary Summarize(TextAnalysis analysis, SummarizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
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
                sections[i] = new PlacedSection(SectionScores.Compute(analysis.Section(i), options), analysis.SectionStart(i), analysis.SectionFirstSentence(i));
            }

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

    private static int SelectLead(ReadOnlySpan<int> words, bool[] chosen, int wordLimit, int sentenceLimit)
    {
        int total = 0;
        for (int b = 0, taken = 0; b < words.Length && taken < sentenceLimit; b++, taken++)
        {
            int wc = words[b];
            if (total + wc > wordLimit && taken > 0)
            {
                break;
            }

            chosen[b] = true;
            total += wc;
            if (total >= wordLimit)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>
    /// Greedy selection by score with an MMR redundancy penalty: at each step the best sentence
    /// that still fits the budget (ties to the earlier), its score lowered by its highest similarity
    /// to a chosen one. A sentence's value only falls as sentences are chosen, and one that no
    /// longer fits or became a near-duplicate never comes back, so <see cref="SelectionHeap"/>
    /// picks exactly what a scan of every sentence at every step would. With
    /// <paramref name="greedy"/> (kept by an incremental session) and several sections, the picks
    /// made while every candidate fits come from merging the sections' own greedy orders instead.
    /// </summary>
    private static int Select(
        ReadOnlySpan<PlacedSection> sections, SectionGreedy[]? greedy, ReadOnlySpan<int> sectionOf, ReadOnlySpan<int> bodyOffset, ReadOnlySpan<int> words,
        ReadOnlySpan<double> score, Span<double> redundancy, double penalty, double duplicate, bool[] chosen, int wordLimit, int sentenceLimit)
    {
        int total = 0;
        int taken = 0;
        if (greedy is not null && sections.Length > 1)
        {
            (total, taken) = Merge(sections, greedy, bodyOffset, words, score, redundancy, penalty, duplicate, chosen, wordLimit, sentenceLimit);
        }

        int n = words.Length;
        int maxWords = 0;
        foreach (int w in words)
        {
            maxWords = Math.Max(maxWords, w);
        }

        var value = new CurrentValue(score, redundancy, chosen, penalty, duplicate);
        (int doubles, int ints) = SelectionHeap.Scratch(n, maxWords);
        double[] initial = EnginePools.Arrays<double>().Rent(n + doubles);
        int[] scratch = EnginePools.Arrays<int>().Rent(ints);
        try
        {
            for (int b = 0; b < n; b++)
            {
                initial[b] = value.Initial(b);
            }

            var heap = new SelectionHeap(words, initial.AsSpan(0, n), initial.AsSpan(n, doubles), scratch.AsSpan(0, ints), maxWords);
            while (taken < sentenceLimit && heap.TryPopBest(wordLimit - total, value, out int best))
            {
                chosen[best] = true;
                total += words[best];
                taken++;
                int k = sectionOf[best];
                Penalize(sections[k].Scores.Graph, bodyOffset[k], best, chosen, redundancy, penalty > 0 || duplicate < 1);
            }
        }
        finally
        {
            EnginePools.Arrays<int>().Return(scratch);
            EnginePools.Arrays<double>().Return(initial);
        }

        if (taken == 0)
        {
            // Nothing fits: the budget still gets one sentence, the best.
            int best = 0;
            for (int b = 1; b < n; b++)
            {
                if (score[b] > score[best])
                {
                    best = b;
                }
            }

            chosen[best] = true;
            total = words[best];
        }

        return total;
    }

    /// <summary>
    /// The picks made while the best remaining sentence fits the budget: the next pick is the best
    /// head among the sections' own greedy orders. Leaves <paramref name="chosen"/> and
    /// <paramref name="redundancy"/> as the plain selection would have them at that point.
    /// </summary>
    private static (int Total, int Taken) Merge(
        ReadOnlySpan<PlacedSection> sections, SectionGreedy[] greedy, ReadOnlySpan<int> bodyOffset, ReadOnlySpan<int> words,
        ReadOnlySpan<double> score, Span<double> redundancy, double penalty, double duplicate, bool[] chosen, int wordLimit, int sentenceLimit)
    {
        int count = sections.Length;
        int[] rented = EnginePools.Arrays<int>().Rent(2 * count);
        Span<int> next = rented.AsSpan(0, count);      // per section: its picks taken so far
        Span<int> heads = rented.AsSpan(count, count);  // a heap of sections by their next pick
        int size = 0;
        int total = 0;
        int taken = 0;
        try
        {
            for (int k = 0; k < count; k++)
            {
                int n = sections[k].Scores.BodyCount;
                greedy[k].Prepare(sections[k].Scores, score.Slice(bodyOffset[k], n), penalty, duplicate);
                next[k] = 0;
                if (greedy[k].HasPick(0))
                {
                    heads[size++] = k;
                }
            }

            var order = new HeadOrder(greedy, bodyOffset, next);
            for (int i = (size / 2) - 1; i >= 0; i--)
            {
                order.Down(heads[..size], i);
            }

            while (taken < sentenceLimit && size > 0)
            {
                int k = heads[0];
                int b = bodyOffset[k] + greedy[k].Pick(next[k]);
                if (total + words[b] > wordLimit)
                {
                    break; // the budget is tight from here: the plain selection continues
                }

                chosen[b] = true;
                total += words[b];
                taken++;
                if (!greedy[k].HasPick(++next[k]))
                {
                    heads[0] = heads[--size];
                }

                order.Down(heads[..size], 0);
            }

            for (int k = 0; k < count; k++)
            {
                greedy[k].SnapshotAt(next[k], redundancy.Slice(bodyOffset[k], sections[k].Scores.BodyCount));
            }
        }
        finally
        {
            EnginePools.Arrays<int>().Return(rented);
        }

        return (total, taken);
    }

    /// <summary>Orders sections by their next pick: higher value first, ties to the earlier sentence.</summary>
    private readonly ref struct HeadOrder(SectionGreedy[] greedy, ReadOnlySpan<int> bodyOffset, ReadOnlySpan<int> next)
    {
        private readonly ReadOnlySpan<int> _bodyOffset = bodyOffset;
        private readonly ReadOnlySpan<int> _next = next;

        public void Down(Span<int> heap, int i)
        {
            while (true)
            {
                int child = (2 * i) + 1;
                if (child >= heap.Length)
                {
                    return;
                }

                if (child + 1 < heap.Length && Before(heap[child + 1], heap[child]))
                {
                    child++;
                }

                if (!Before(heap[child], heap[i]))
                {
                    return;
                }

                (heap[i], heap[child]) = (heap[child], heap[i]);
                i = child;
            }
        }

        private bool Before(int a, int b)
        {
            double va = greedy[a].Value(_next[a]);
            double vb = greedy[b].Value(_next[b]);
            return va > vb || (va == vb && _bodyOffset[a] + greedy[a].Pick(_next[a]) < _bodyOffset[b] + greedy[b].Pick(_next[b]));
        }
    }

    /// <summary>
    /// A sentence's value under the MMR penalty; NaN once chosen or a near-duplicate of a chosen one.
    /// The one formula every selection path uses, so their values agree to the bit.
    /// </summary>
    internal static double Value(double score, double redundancy, bool chosen, double penalty, double duplicate) =>
        chosen || redundancy >= duplicate ? double.NaN : score - (penalty * redundancy);

    /// <summary>The current <see cref="Value"/> of each sentence of a selection.</summary>
    internal readonly ref struct CurrentValue(ReadOnlySpan<double> score, ReadOnlySpan<double> redundancy, bool[] chosen, double penalty, double duplicate) : ICurrentValue
    {
        private readonly ReadOnlySpan<double> _score = score;
        private readonly ReadOnlySpan<double> _redundancy = redundancy;

        public double Of(int id) => Value(_score[id], _redundancy[id], chosen[id], penalty, duplicate);

        /// <summary>The value a heap starts with: out of the running sorts last (and is dropped when it comes up).</summary>
        public double Initial(int id)
        {
            double value = Of(id);
            return double.IsNaN(value) ? double.NegativeInfinity : value;
        }
    }

    /// <summary>Raises the redundancy of the sentences of <paramref name="best"/>'s section to their similarity with it.</summary>
    internal static void Penalize(SentenceGraph graph, int offset, int best, bool[] chosen, Span<double> redundancy, bool needed)
    {
        int local = best - offset;
        if (graph.IsCosine)
        {
            // Only sentences that share a term with the chosen one can become more redundant:
            // its row of the graph holds exactly them, with their cosine.
            ReadOnlySpan<int> columns = graph.Columns;
            ReadOnlySpan<double> weights = graph.Weights;
            for (int k = graph.RowStart[local]; k < graph.RowStart[local + 1]; k++)
            {
                int b = offset + columns[k];
                if (!chosen[b])
                {
                    redundancy[b] = Math.Max(redundancy[b], weights[k]);
                }
            }
        }
        else if (needed)
        {
            for (int i = 0; i < graph.Count; i++)
            {
                if (!chosen[offset + i])
                {
                    redundancy[offset + i] = Math.Max(redundancy[offset + i], graph.Cosine(i, local));
                }
            }
        }
    }

    private static Summary BuildSummary(
        SummaryText text, ReadOnlySpan<PlacedSection> sections, ReadOnlySpan<int> sectionOf, SummarizerOptions options, Features f,
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

        Summary summary = text.Make(PagedList<ScoredSentence>.From(selected), explain ? PagedList<ScoredSentence>.From(all) : null, documentWords, summaryWords);
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

/// <summary>The text a summary is of: a string, or a version of a document (made a string only if asked for).</summary>
internal readonly struct SummaryText
{
    private readonly string? _text;
    private readonly Incremental.SourceText? _source;

    private SummaryText(string? text, Incremental.SourceText? source) => (_text, _source) = (text, source);

    public static implicit operator SummaryText(string text) => new(text, null);

    public static implicit operator SummaryText(Incremental.SourceText source) => new(null, source);

    public Summary Make(IReadOnlyList<ScoredSentence> selected, IReadOnlyList<ScoredSentence>? all, int documentWords, int summaryWords) =>
        _source is not null ? new Summary(_source, selected, all, documentWords, summaryWords) : new Summary(_text!, selected, all, documentWords, summaryWords);
}

/// <summary>A section's scores placed in its document: where it starts and the index of its first sentence.</summary>
internal readonly record struct PlacedSection(SectionScores Scores, int Start, int FirstSentence);
