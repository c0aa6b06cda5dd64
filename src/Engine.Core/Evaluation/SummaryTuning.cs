using System.Globalization;
using System.Text.Json;
using Engine.Summarization;

namespace Engine.Evaluation;

/// <summary>A document with extractive reference summaries, the set it comes from, and the ratio of its words its summary may take (when the caller does not give the budget).</summary>
internal sealed record ReferenceDocument(string Id, string Set, string Text, IReadOnlyList<string> References, double Ratio);

/// <summary>One fold's held-out ROUGE for the engine with weights fitted on the other folds, and for Lead.</summary>
internal sealed record SummaryFold(RougeResult Engine, RougeResult Lead, RougeResult Untuned, FeatureWeights Weights);

/// <summary>Cross-validation of the summarizer's weights: each fold, the whole set with the shipped weights, and per set.</summary>
internal sealed record SummaryTuningReport(IReadOnlyList<SummaryFold> Folds, IReadOnlyDictionary<string, (RougeResult Engine, RougeResult Lead)> BySet)
{
    /// <summary>The mean of a measure over the held-out folds.</summary>
    public double Mean(Func<SummaryFold, double> measure) => Folds.Average(measure);
}

/// <summary>
/// Fits the engine's feature weights to extractive references (ROUGE-1 + ROUGE-2 F, each document at
/// its own budget) by coordinate ascent over a grid, and measures the fit honestly: k-fold
/// cross-validation by document, the weights of each held-out fold fitted on the other folds only.
/// </summary>
internal static class SummaryTuning
{
    /// <summary>Passes of coordinate ascent over every weight.</summary>
    private const int Rounds = 2;

    /// <summary>The values each weight may take.</summary>
    private static readonly (string Name, double[] Values, Func<FeatureWeights, double, FeatureWeights> Set)[] Grid =
    [
        ("centrality", [0, 0.15, 0.3, 0.5, 0.8, 1.2], (w, v) => w with { Centrality = v }),
        ("position", [0.5, 1, 1.5, 2, 3], (w, v) => w with { Position = v }),
        ("position_decay", [0.1, 0.2, 0.3, 0.5, 0.8, 1.2], (w, v) => w with { PositionDecay = v }),
        ("paragraph_start", [0, 0.1, 0.2, 0.4, 0.7], (w, v) => w with { ParagraphStart = v }),
        ("title_overlap", [0, 0.4, 0.8, 1.2, 1.6, 2.4], (w, v) => w with { TitleOverlap = v }),
        ("length", [0, 0.15, 0.3, 0.6, 1], (w, v) => w with { Length = v }),
        ("full_length_words", [10, 15, 25, 35], (w, v) => w with { FullLengthWords = (int)v }),
        ("redundancy", [0, 0.3, 0.6, 0.9, 1.2], (w, v) => w with { Redundancy = v }),
    ];

    /// <summary>Reads a corpus of {"id","text","references","split"} lines, keeping <paramref name="split"/> ("all" keeps every line).</summary>
    public static List<ReferenceDocument> Load(string path, string split, double ratio, string set)
    {
        var docs = new List<ReferenceDocument>();
        foreach (JsonElement root in JsonLines.Read(path))
        {
            string docSplit = root.TryGetProperty("split", out JsonElement s) ? s.GetString() ?? string.Empty : string.Empty;
            if (split != "all" && docSplit != split)
            {
                continue;
            }

            docs.Add(new ReferenceDocument(
                JsonLines.IdOf(root), set, root.GetProperty("text").GetString() ?? string.Empty,
                [.. root.GetProperty("references").EnumerateArray().Select(r => r.GetString() ?? string.Empty)], ratio));
        }

        return docs;
    }

    /// <summary>ROUGE of the summaries of <paramref name="docs"/> (each at its own ratio) with <paramref name="weights"/> and <paramref name="algorithm"/>.</summary>
    public static RougeResult Score(IReadOnlyList<ReferenceDocument> docs, FeatureWeights weights, SummaryAlgorithm algorithm = SummaryAlgorithm.Engine) =>
        Score(docs, d => new SummarizerOptions { Budget = SummaryBudget.Ratio(d.Ratio), Weights = weights, Algorithm = algorithm });

    /// <summary>
    /// ROUGE of the summaries of <paramref name="docs"/>, each made with the options <paramref name="options"/>
    /// gives it (macro average over documents, as <c>rouge.py</c> reports it); each summary's words
    /// (as the scorer counts them) go into <paramref name="summaryWords"/> when it is given.
    /// </summary>
    public static RougeResult Score(IReadOnlyList<ReferenceDocument> docs, Func<ReferenceDocument, SummarizerOptions> options, int[]? summaryWords = null)
    {
        ArgumentNullException.ThrowIfNull(docs);
        ArgumentNullException.ThrowIfNull(options);
        var results = new RougeResult[docs.Count];
        Parallel.For(0, docs.Count, i =>
        {
            Summary summary = Summarizer.Summarize(docs[i].Text, options(docs[i]));
            string text = string.Join('\n', summary.SentenceTexts);
            results[i] = Rouge.Score(text, docs[i].References);
            if (summaryWords is not null)
            {
                summaryWords[i] = Rouge.Tokens(text).Count;
            }
        });
        return Rouge.Mean(results);
    }

    /// <summary>Fits the weights to <paramref name="docs"/>, starting from <paramref name="start"/>.</summary>
    public static FeatureWeights Fit(IReadOnlyList<ReferenceDocument> docs, FeatureWeights start)
    {
        FeatureWeights best = start;
        double bestScore = Objective(Score(docs, best));
        for (int round = 0; round < Rounds; round++)
        {
            foreach (var (_, values, set) in Grid)
            {
                foreach (double v in values)
                {
                    FeatureWeights candidate = set(best, v);
                    double score = Objective(Score(docs, candidate));
                    if (score > bestScore + 1e-9)
                    {
                        (best, bestScore) = (candidate, score);
                    }
                }
            }
        }

        return best;
    }

    /// <summary>k-fold cross-validation by document: document i is held out in fold i mod <paramref name="folds"/>.</summary>
    public static SummaryTuningReport CrossValidate(IReadOnlyList<ReferenceDocument> docs, int folds, FeatureWeights start)
    {
        ArgumentNullException.ThrowIfNull(docs);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var results = new List<SummaryFold>();
        for (int f = 0; f < folds; f++)
        {
            var train = docs.Where((_, i) => i % folds != f).ToList();
            var test = docs.Where((_, i) => i % folds == f).ToList();
            FeatureWeights fitted = Fit(train, start);
            results.Add(new SummaryFold(Score(test, fitted), Score(test, start, SummaryAlgorithm.Lead), Score(test, start), fitted));
        }

        var bySet = new SortedDictionary<string, (RougeResult, RougeResult)>(StringComparer.Ordinal);
        foreach (var group in docs.GroupBy(d => d.Set))
        {
            var list = group.ToList();
            bySet[group.Key] = (Score(list, FeatureWeights.Default), Score(list, FeatureWeights.Default, SummaryAlgorithm.Lead));
        }

        return new SummaryTuningReport(results, bySet);
    }

    /// <summary>The weights as the JSON the engine ships (<c>summary-weights.json</c>).</summary>
    public static void Write(FeatureWeights w, Stream output)
    {
        ArgumentNullException.ThrowIfNull(w);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("centrality", w.Centrality);
        json.WriteNumber("position", w.Position);
        json.WriteNumber("position_decay", w.PositionDecay);
        json.WriteNumber("paragraph_start", w.ParagraphStart);
        json.WriteNumber("title_overlap", w.TitleOverlap);
        json.WriteNumber("length", w.Length);
        json.WriteNumber("full_length_words", w.FullLengthWords);
        json.WriteNumber("redundancy", w.Redundancy);
        json.WriteNumber("duplicate_threshold", w.DuplicateThreshold);
        json.WriteEndObject();
    }

    /// <summary>What the fit maximizes: the mean of ROUGE-1 and ROUGE-2 F.</summary>
    private static double Objective(RougeResult r) => (r.Rouge1.F1 + r.Rouge2.F1) / 2;

    /// <summary>A one-line description of a weight set.</summary>
    public static string Describe(FeatureWeights w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return string.Create(CultureInfo.InvariantCulture,
            $"centrality={w.Centrality} position={w.Position} decay={w.PositionDecay} paragraph={w.ParagraphStart} title={w.TitleOverlap} length={w.Length}/{w.FullLengthWords} redundancy={w.Redundancy}");
    }
}
