using System.Text.Json;
using Engine.Quotes;
using Engine.Quotes.Internal;

namespace Engine.Evaluation;

/// <summary>An annotated article: its text, the gold set it comes from, and its gold quotes.</summary>
internal sealed record QuoteArticle(string Id, string Set, string Text, IReadOnlyList<GoldQuote> Gold);

/// <summary>How often quotes at or above a confidence are right, measured on held-out articles.</summary>
internal sealed record ReliabilityRow(double Threshold, int Quotes, double Precision);

/// <summary>The result of <see cref="QuoteEvaluation.Run"/>: each fold, their mean, the whole set, and the reliability table.</summary>
internal sealed record QuoteEvaluationReport(
    IReadOnlyList<QuoteScores> Folds,
    QuoteScores Whole,
    IReadOnlyDictionary<string, QuoteScores> BySet,
    IReadOnlyList<ReliabilityRow> Reliability)
{
    /// <summary>The mean of a measure over the folds (each held-out fold weighs the same).</summary>
    public double Mean(Func<QuoteScores, double> measure) => Folds.Average(measure);
}

/// <summary>
/// Quote attribution measured honestly: k-fold cross-validation by article. The extractor's rules are
/// fixed; what is fitted (the confidence model) is fitted on the training folds only and judged on the
/// held-out fold, and a minimum confidence filters each held-out fold with its own fold's model.
/// </summary>
internal static class QuoteEvaluation
{
    /// <summary>The thresholds of the reliability table.</summary>
    public static readonly double[] ReliabilityThresholds = [0.5, 0.6, 0.7, 0.8, 0.9];

    /// <summary>Reads a corpus (JSON Lines with id and text) and its gold (id and quotes), keeping the articles that have gold.</summary>
    public static List<QuoteArticle> Load(string corpusPath, string goldPath, string set)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonElement line in JsonLines.Read(corpusPath))
        {
            texts[JsonLines.IdOf(line)] = line.GetProperty("text").GetString() ?? string.Empty;
        }

        var articles = new List<QuoteArticle>();
        foreach (JsonElement line in JsonLines.Read(goldPath))
        {
            string id = JsonLines.IdOf(line);
            if (!texts.TryGetValue(id, out string? text))
            {
                throw new InvalidDataException($"{goldPath}: article '{id}' is not in {corpusPath}.");
            }

            var gold = new List<GoldQuote>();
            foreach (JsonElement q in line.GetProperty("quotes").EnumerateArray())
            {
                gold.Add(new GoldQuote(Field(q, "kind"), Field(q, "content"), Field(q, "speaker"), Field(q, "speaker_name"), Field(q, "speaker_canonical")));
            }

            articles.Add(new QuoteArticle(id, set, text, gold));
        }

        return articles;
    }

    /// <summary>
    /// Extracts the quotes of every article and scores them: per fold (article i is in fold i mod
    /// <paramref name="folds"/>, so each fold mixes outlets and gold sets), over the whole set, and per
    /// gold set. Each held-out fold's confidences come from a model fitted on the other folds.
    /// </summary>
    public static QuoteEvaluationReport Run(IReadOnlyList<QuoteArticle> articles, int folds, double minConfidence = 0)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var (predicted, rows, labels) = Collect(articles);
        var heldOut = new List<(double Confidence, bool Hit)>();
        var foldScores = new QuoteScores[folds];
        var whole = new QuoteScores();
        var bySet = new SortedDictionary<string, QuoteScores>(StringComparer.Ordinal);
        for (int f = 0; f < folds; f++)
        {
            var trainRows = new List<double[]>();
            var trainLabels = new List<bool>();
            for (int a = 0; a < articles.Count; a++)
            {
                if (a % folds != f)
                {
                    trainRows.AddRange(rows[a]);
                    trainLabels.AddRange(labels[a]);
                }
            }

            ConfidenceModel model = ConfidenceModel.Fit(trainRows, trainLabels);
            foldScores[f] = new QuoteScores();
            for (int a = f; a < articles.Count; a += folds)
            {
                var kept = new List<Quote>();
                for (int q = 0; q < predicted[a].Count; q++)
                {
                    double confidence = model.Predict(rows[a][q]);
                    heldOut.Add((confidence, labels[a][q]));
                    if (confidence >= minConfidence)
                    {
                        kept.Add(predicted[a][q] with { Confidence = confidence });
                    }
                }

                var scores = new QuoteScores();
                QuoteScorer.ScoreArticle(articles[a].Gold, kept, scores);
                foldScores[f].Add(scores);
                whole.Add(scores);
                if (!bySet.TryGetValue(articles[a].Set, out QuoteScores? set))
                {
                    bySet[articles[a].Set] = set = new QuoteScores();
                }

                set.Add(scores);
            }
        }

        var reliability = ReliabilityThresholds.Select(t =>
        {
            var above = heldOut.Where(h => h.Confidence >= t).ToList();
            return new ReliabilityRow(t, above.Count, above.Count == 0 ? 0 : (double)above.Count(h => h.Hit) / above.Count);
        }).ToList();
        return new QuoteEvaluationReport(foldScores, whole, bySet, reliability);
    }

    /// <summary>Fits the confidence model on every article (what the engine ships) and writes it as JSON.</summary>
    public static void TrainConfidence(IReadOnlyList<QuoteArticle> articles, Stream output)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var (_, rows, labels) = Collect(articles);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        ConfidenceModel.Fit([.. rows.SelectMany(r => r)], [.. labels.SelectMany(l => l)]).Write(json);
    }

    /// <summary>
    /// Each article's predicted quotes, their confidence features, and whether each is an end-to-end
    /// hit (the confidence model's training rows and labels).
    /// </summary>
    private static (IReadOnlyList<Quote>[] Predicted, List<double[]>[] Rows, bool[][] Labels) Collect(IReadOnlyList<QuoteArticle> articles)
    {
        var predicted = new IReadOnlyList<Quote>[articles.Count];
        Parallel.For(0, articles.Count, a => predicted[a] = QuoteExtractor.Extract(articles[a].Text).Quotes);
        var rows = new List<double[]>[articles.Count];
        var labels = new bool[articles.Count][];
        for (int a = 0; a < articles.Count; a++)
        {
            labels[a] = QuoteScorer.ScoreArticle(articles[a].Gold, predicted[a], new QuoteScores());
            rows[a] = predicted[a].Select(Features).ToList();
        }

        return (predicted, rows, labels);
    }

    private static double[] Features(Quote quote)
    {
        var x = new double[ConfidenceModel.FeatureCount];
        ConfidenceModel.Features(quote, x);
        return x;
    }

    private static string Field(JsonElement q, string name) =>
        q.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;
}
