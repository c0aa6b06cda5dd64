using Engine.Analysis;
using Engine.Buffers;
using Engine.Lexing;
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
    /// <summary>Edges below this cosine are left out of LexRank's graph (Erkan and Radev's 0.1).</summary>
    private const double LexRankThreshold = 0.1;

    /// <summary>Summarizes <paramref name="text"/> with pooled analysis state.</summary>
    public static Summary Summarize(string text, SummarizerOptions? options = null) =>
        AnalysisPool.Analyze(text, options, static (analysis, o) => Summarize(analysis, o));

    /// <summary>Summarizes an analysed text.</summary>
    public static Summary Summarize(TextAnalysis analysis, SummarizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        options ??= SummarizerOptions.Default;
        ReadOnlySpan<Sentence> all = analysis.Sentences;
        int[] body = EnginePools.Arrays<int>().Rent(Math.Max(1, all.Length));
        int n = 0;
        int titleIndex = -1;
        int documentWords = 0;
        for (int i = 0; i < all.Length; i++)
        {
            if (all[i].IsBody)
            {
                body[n++] = i;
                documentWords += analysis.WordCount(i);
            }
            else if (all[i].Kind == SentenceKind.Title && titleIndex < 0)
            {
                titleIndex = i;
            }
        }

        var graph = new SentenceGraph();
        double[] work = EnginePools.Arrays<double>().Rent(Math.Max(1, n * 9));
        try
        {
            if (n == 0)
            {
                return new Summary(analysis.Text, [], null, 0, 0);
            }

            Span<double> score = work.AsSpan(0, n);
            Span<double> centrality = work.AsSpan(n, n);
            Span<double> position = work.AsSpan(2 * n, n);
            Span<double> titleOverlap = work.AsSpan(3 * n, n);
            Span<double> length = work.AsSpan(4 * n, n);
            Span<double> scratch = work.AsSpan(5 * n, n);
            Span<double> outWeight = work.AsSpan(6 * n, n);
            Span<double> redundancy = work.AsSpan(7 * n, n);
            Span<double> share = work.AsSpan(8 * n, n);
            centrality.Clear();
            titleOverlap.Clear();
            redundancy.Clear();
            ReadOnlySpan<int> bodySpan = body.AsSpan(0, n);
            FeatureWeights w = options.Weights;
            double penalty = 0;
            switch (options.Algorithm)
            {
                case SummaryAlgorithm.Lead:
                    for (int b = 0; b < n; b++)
                    {
                        score[b] = n - b;
                    }

                    break;
                case SummaryAlgorithm.TextRank:
                    graph.Build(analysis, bodySpan, SimilarityKind.Overlap, 0);
                    PageRank.Compute(graph, score, scratch, outWeight, share);
                    break;
                case SummaryAlgorithm.LexRank:
                    graph.Build(analysis, bodySpan, SimilarityKind.Cosine, LexRankThreshold);
                    PageRank.Compute(graph, score, scratch, outWeight, share);
                    break;
                default:
                    graph.Build(analysis, bodySpan, SimilarityKind.Cosine, 0);
                    PageRank.Compute(graph, centrality, scratch, outWeight, share);
                    Features(analysis, options, graph, bodySpan, titleIndex, centrality, position, titleOverlap, length);
                    for (int b = 0; b < n; b++)
                    {
                        score[b] = (w.Centrality * centrality[b]) + (w.Position * position[b]) + (w.TitleOverlap * titleOverlap[b]) + (w.Length * length[b])
                            + (w.ParagraphStart * ParagraphStart(all, bodySpan, b));
                    }

                    penalty = w.Redundancy;
                    break;
            }

            bool[] chosen = EnginePools.Arrays<bool>().Rent(n);
            try
            {
                Array.Clear(chosen, 0, n);
                int wordLimit = options.Budget.WordLimit(documentWords);
                int summaryWords = options.Algorithm == SummaryAlgorithm.Lead
                    ? SelectLead(analysis, bodySpan, chosen, wordLimit, options.Budget.SentenceLimit)
                    : Select(analysis, graph, bodySpan, score, redundancy, penalty, w.DuplicateThreshold, chosen, wordLimit, options.Budget.SentenceLimit);
                return BuildSummary(analysis, bodySpan, options, score, centrality, position, titleOverlap, length, redundancy, chosen, documentWords, summaryWords);
            }
            finally
            {
                EnginePools.Arrays<bool>().Return(chosen);
            }
        }
        finally
        {
            graph.Dispose();
            EnginePools.Arrays<double>().Return(work);
            EnginePools.Arrays<int>().Return(body);
        }
    }

    /// <summary>1 when body sentence <paramref name="b"/> opens its paragraph.</summary>
    private static double ParagraphStart(ReadOnlySpan<Sentence> all, ReadOnlySpan<int> body, int b)
    {
        int index = body[b];
        return index == 0 || all[index - 1].Paragraph != all[index].Paragraph ? 1 : 0;
    }

    private static void Features(
        TextAnalysis analysis, SummarizerOptions options, SentenceGraph graph, ReadOnlySpan<int> body, int titleIndex,
        Span<double> centrality, Span<double> position, Span<double> titleOverlap, Span<double> length)
    {
        int n = body.Length;
        double max = 0;
        foreach (double c in centrality)
        {
            max = Math.Max(max, c);
        }

        FeatureWeights w = options.Weights;
        for (int b = 0; b < n; b++)
        {
            centrality[b] = max > 0 ? centrality[b] / max : 0;
            position[b] = 1.0 / Math.Pow(1 + b, w.PositionDecay);
            length[b] = Math.Min(1.0, (double)analysis.WordCount(body[b]) / w.FullLengthWords);
        }

        if (options.Title is { Length: > 0 } explicitTitle)
        {
            using var titleTerms = new PooledList<TermCount>(32);
            TitleVector(analysis, explicitTitle, titleTerms);
            for (int b = 0; b < n; b++)
            {
                titleOverlap[b] = graph.CosineWith(b, titleTerms.Span);
            }
        }
        else if (titleIndex >= 0)
        {
            ReadOnlySpan<TermCount> title = analysis.Vector(titleIndex);
            for (int b = 0; b < n; b++)
            {
                titleOverlap[b] = graph.CosineWith(b, title);
            }
        }
    }

    private static void TitleVector(TextAnalysis analysis, string title, PooledList<TermCount> into)
    {
        TermAnalyzer terms = analysis.Terms;
        using var ids = new PooledList<int>(32);
        var tokenizer = new Tokenizer(title);
        while (tokenizer.Read(out Token t))
        {
            int id = terms.TermOf(title, t);
            if (id >= 0)
            {
                ids.Add(analysis.LocalTerm(id));
            }
        }

        TextAnalysis.AppendRuns(ids.Span, into);
    }

    private static int SelectLead(TextAnalysis analysis, ReadOnlySpan<int> body, bool[] chosen, int wordLimit, int sentenceLimit)
    {
        int words = 0;
        for (int b = 0, taken = 0; b < body.Length && taken < sentenceLimit; b++, taken++)
        {
            int wc = analysis.WordCount(body[b]);
            if (words + wc > wordLimit && taken > 0)
            {
                break;
            }

            chosen[b] = true;
            words += wc;
            if (words >= wordLimit)
            {
                break;
            }
        }

        return words;
    }

    /// <summary>
    /// Greedy selection by score with an MMR redundancy penalty: at each step the best sentence
    /// that still fits the budget, its score lowered by its highest similarity to a chosen one.
    /// </summary>
    private static int Select(
        TextAnalysis analysis, SentenceGraph graph, ReadOnlySpan<int> body, ReadOnlySpan<double> score, Span<double> redundancy,
        double penalty, double duplicate, bool[] chosen, int wordLimit, int sentenceLimit)
    {
        int n = body.Length;
        int words = 0;
        int taken = 0;
        while (taken < sentenceLimit)
        {
            int best = -1;
            double bestValue = double.NegativeInfinity;
            for (int b = 0; b < n; b++)
            {
                if (chosen[b] || redundancy[b] >= duplicate || words + analysis.WordCount(body[b]) > wordLimit)
                {
                    continue;
                }

                double value = score[b] - (penalty * redundancy[b]);
                if (value > bestValue)
                {
                    bestValue = value;
                    best = b;
                }
            }

            if (best < 0)
            {
                break;
            }

            chosen[best] = true;
            words += analysis.WordCount(body[best]);
            taken++;
            if (graph.IsCosine)
            {
                // Only sentences that share a term with the chosen one can become more redundant:
                // its row of the graph holds exactly them, with their cosine.
                ReadOnlySpan<int> columns = graph.Columns;
                ReadOnlySpan<double> weights = graph.Weights;
                for (int k = graph.RowStart[best]; k < graph.RowStart[best + 1]; k++)
                {
                    int b = columns[k];
                    if (!chosen[b])
                    {
                        redundancy[b] = Math.Max(redundancy[b], weights[k]);
                    }
                }
            }
            else if (penalty > 0 || duplicate < 1)
            {
                for (int b = 0; b < n; b++)
                {
                    if (!chosen[b])
                    {
                        redundancy[b] = Math.Max(redundancy[b], graph.Cosine(b, best));
                    }
                }
            }
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
            words = analysis.WordCount(body[best]);
        }

        return words;
    }

    private static Summary BuildSummary(
        TextAnalysis analysis, ReadOnlySpan<int> body, SummarizerOptions options, ReadOnlySpan<double> score,
        ReadOnlySpan<double> centrality, ReadOnlySpan<double> position, ReadOnlySpan<double> titleOverlap,
        ReadOnlySpan<double> length, ReadOnlySpan<double> redundancy, bool[] chosen, int documentWords, int summaryWords)
    {
        int count = 0;
        for (int b = 0; b < body.Length; b++)
        {
            count += chosen[b] ? 1 : 0;
        }

        var selected = new ScoredSentence[count];
        ScoredSentence[]? all = options.Explain ? new ScoredSentence[body.Length] : null;
        ReadOnlySpan<Sentence> sentences = analysis.Sentences;
        for (int b = 0, k = 0; b < body.Length; b++)
        {
            if (!chosen[b] && all is null)
            {
                continue;
            }

            Sentence s = sentences[body[b]];
            var scored = new ScoredSentence(
                body[b], s.Start, s.End, score[b],
                new SentenceFeatures(centrality[b], position[b], titleOverlap[b], length[b], redundancy[b], ParagraphStart(sentences, body, b)));
            if (chosen[b])
            {
                selected[k++] = scored;
            }

            if (all is not null)
            {
                all[b] = scored;
            }
        }

        return new Summary(analysis.Text, selected, all, documentWords, summaryWords);
    }
}
