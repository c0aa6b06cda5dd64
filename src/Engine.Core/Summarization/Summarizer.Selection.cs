using Engine.Buffers;
using Engine.Summarization.Internal;

namespace Engine.Summarization;

/// <summary>Choosing the summary's sentences within the budget.</summary>
public static partial class Summarizer
{
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
            (total, taken) = Merge(sections, greedy, sectionOf, bodyOffset, words, score, redundancy, penalty, duplicate, chosen, wordLimit, sentenceLimit);
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
        ReadOnlySpan<PlacedSection> sections, SectionGreedy[] greedy, ReadOnlySpan<int> sectionOf, ReadOnlySpan<int> bodyOffset, ReadOnlySpan<int> words,
        ReadOnlySpan<double> score, Span<double> redundancy, double penalty, double duplicate, bool[] chosen, int wordLimit, int sentenceLimit)
    {
        int count = sections.Length;
        int[] rented = EnginePools.Arrays<int>().Rent(2 * count);
        double[] rentedValues = EnginePools.Arrays<double>().Rent(count);
        Span<int> next = rented.AsSpan(0, count);        // per section: its picks taken so far
        Span<int> headId = rented.AsSpan(count, count);  // a heap of the sections' next picks (body indices) by their values
        Span<double> headValue = rentedValues.AsSpan(0, count);
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
                    headValue[size] = greedy[k].Value(0);
                    headId[size++] = bodyOffset[k] + greedy[k].Pick(0);
                }
            }

            IndexHeap.Build(headValue[..size], headId[..size]);
            while (taken < sentenceLimit && size > 0)
            {
                int b = headId[0];
                int k = sectionOf[b];
                if (total + words[b] > wordLimit)
                {
                    break; // the budget is tight from here: the plain selection continues
                }

                chosen[b] = true;
                total += words[b];
                taken++;
                if (greedy[k].HasPick(++next[k]))
                {
                    headValue[0] = greedy[k].Value(next[k]);
                    headId[0] = bodyOffset[k] + greedy[k].Pick(next[k]);
                    IndexHeap.Down(headValue[..size], headId[..size], 0);
                }
                else
                {
                    IndexHeap.RemoveHead(headValue[..size], headId[..size]);
                    size--;
                }
            }

            for (int k = 0; k < count; k++)
            {
                greedy[k].SnapshotAt(next[k], redundancy.Slice(bodyOffset[k], sections[k].Scores.BodyCount));
            }
        }
        finally
        {
            EnginePools.Arrays<double>().Return(rentedValues);
            EnginePools.Arrays<int>().Return(rented);
        }

        return (total, taken);
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
}
