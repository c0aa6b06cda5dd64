using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Engine.Evaluation;

namespace Engine.Cli.Commands;

/// <summary>
/// <c>engine eval-quotes --corpus C.jsonl --gold G.jsonl [--corpus … --gold …] [--folds 5] [--min-confidence T] [--train OUT.json]</c>:
/// quote attribution scored as the project's scorer does, by k-fold cross-validation over the articles.
/// </summary>
internal static class EvalQuotesCommand
{
    public static Command Create(CliIO io)
    {
        var corpus = new Option<string[]>("--corpus") { Description = "Articles {\"id\",\"text\"} (JSON Lines); repeat, one per --gold, in the same order.", Required = true, AllowMultipleArgumentsPerToken = false };
        var gold = new Option<string[]>("--gold") { Description = "Gold quotes {\"id\",\"quotes\":[…]} (JSON Lines) for the --corpus at the same position.", Required = true };
        var folds = new Option<int>("--folds") { Description = "Folds of the cross-validation (article i is in fold i mod k).", DefaultValueFactory = _ => 5 };
        var minConfidence = new Option<double>("--min-confidence") { Description = "Keep only quotes with at least this confidence (from each held-out fold's own model)." };
        var train = new Option<string?>("--train") { Description = "Fit the confidence model on every article and write it here (what the engine ships)." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("eval-quotes", "Score quote attribution against gold by k-fold cross-validation over the articles.") { corpus, gold, folds, minConfidence, train, json };
        command.SetAction(parse =>
        {
            string[] corpora = parse.GetValue(corpus)!;
            string[] golds = parse.GetValue(gold)!;
            string? problem = corpora.Length != golds.Length ? "give one --gold for each --corpus"
                : parse.GetValue(folds) < 2 ? "--folds must be at least 2"
                : parse.GetValue(minConfidence) is < 0 or > 1 ? "--min-confidence must be between 0 and 1"
                : null;
            if (problem is not null)
            {
                io.Error.WriteLine("engine: " + problem);
                return EngineCli.InputError;
            }

            var articles = new List<QuoteArticle>();
            for (int i = 0; i < corpora.Length; i++)
            {
                foreach (string path in (string[])[corpora[i], golds[i]])
                {
                    if (!File.Exists(path))
                    {
                        io.Error.WriteLine($"engine: file not found: {path}");
                        return EngineCli.InputError;
                    }
                }

                try
                {
                    articles.AddRange(QuoteEvaluation.Load(corpora[i], golds[i], Path.GetFileNameWithoutExtension(golds[i])));
                }
                catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException)
                {
                    io.Error.WriteLine($"engine: {golds[i]}: {e.Message}");
                    return EngineCli.InputError;
                }
            }

            if (parse.GetValue(train) is { } output)
            {
                using FileStream stream = File.Create(output);
                QuoteEvaluation.TrainConfidence(articles, stream);
                io.Error.WriteLine($"engine: confidence model fitted on {articles.Count} articles, written to {output}");
                return 0;
            }

            QuoteEvaluationReport report = QuoteEvaluation.Run(articles, parse.GetValue(folds), parse.GetValue(minConfidence));
            if (parse.GetValue(json))
            {
                io.WriteJson(w => WriteJson(w, report));
            }
            else
            {
                Print(io.Out, report, articles.Count);
            }

            return 0;
        });
        return command;
    }

    private static void Print(TextWriter o, QuoteEvaluationReport report, int articles)
    {
        string kinds = string.Join(' ', QuoteScores.Kinds.Select(k => $"{"R " + k,10}"));
        o.WriteLine($"{articles} articles, {report.Whole.Gold} gold quotes, {report.Folds.Count}-fold cross-validation by article");
        o.WriteLine($"{"",-16} {"quote P",8} {"quote R",8} {"quote F1",8} {"speaker",8} {"e2e P",8} {"e2e R",8} {"e2e F1",8} {kinds}");
        for (int f = 0; f < report.Folds.Count; f++)
        {
            Row(o, $"fold {f + 1}", report.Folds[f]);
        }

        o.WriteLine(Line("CV mean", m => report.Mean(m)));
        Row(o, "whole", report.Whole);
        foreach (var (set, scores) in report.BySet)
        {
            Row(o, set, scores);
        }

        o.WriteLine();
        o.WriteLine("reliability on held-out folds (end-to-end precision of quotes with confidence >= t):");
        foreach (ReliabilityRow r in report.Reliability)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  t={r.Threshold:F1}  quotes={r.Quotes,5}  precision={r.Precision:F3}"));
        }
    }

    private static void Row(TextWriter o, string name, QuoteScores s) => o.WriteLine(Line(name, m => m(s)));

    private static readonly Func<QuoteScores, double>[] Measures =
    [
        s => s.QuotePrecision, s => s.QuoteRecall, s => s.QuoteF1, s => s.SpeakerAccuracy,
        s => s.EndToEndPrecision, s => s.EndToEndRecall, s => s.EndToEndF1,
    ];

    private static string Line(string name, Func<Func<QuoteScores, double>, double> value)
    {
        var cells = Measures.Select(m => value(m).ToString("F3", CultureInfo.InvariantCulture).PadLeft(8))
            .Concat(QuoteScores.Kinds.Select(k => value(s => s.RecallOfKind(k)).ToString("F3", CultureInfo.InvariantCulture).PadLeft(10)));
        return $"{name,-16} " + string.Join(' ', cells);
    }

    private static void WriteJson(Utf8JsonWriter w, QuoteEvaluationReport report)
    {
        w.WriteStartObject();
        w.WriteStartArray("folds");
        foreach (QuoteScores fold in report.Folds)
        {
            Write(w, null, m => m(fold));
        }

        w.WriteEndArray();
        Write(w, "cv_mean", m => report.Mean(m));
        Write(w, "whole", m => m(report.Whole));
        w.WriteStartObject("sets");
        foreach (var (set, scores) in report.BySet)
        {
            Write(w, set, m => m(scores));
        }

        w.WriteEndObject();
        w.WriteStartArray("reliability");
        foreach (ReliabilityRow r in report.Reliability)
        {
            w.WriteStartObject();
            w.WriteNumber("threshold", r.Threshold);
            w.WriteNumber("quotes", r.Quotes);
            w.WriteNumber("precision", r.Precision);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter w, string? name, Func<Func<QuoteScores, double>, double> value)
    {
        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }

        w.WriteStartObject("quote");
        w.WriteNumber("p", value(s => s.QuotePrecision));
        w.WriteNumber("r", value(s => s.QuoteRecall));
        w.WriteNumber("f", value(s => s.QuoteF1));
        w.WriteEndObject();
        w.WriteNumber("speaker_accuracy", value(s => s.SpeakerAccuracy));
        w.WriteStartObject("end_to_end");
        w.WriteNumber("p", value(s => s.EndToEndPrecision));
        w.WriteNumber("r", value(s => s.EndToEndRecall));
        w.WriteNumber("f", value(s => s.EndToEndF1));
        w.WriteEndObject();
        w.WriteStartObject("recall_by_kind");
        foreach (string k in QuoteScores.Kinds)
        {
            w.WriteNumber(k, value(s => s.RecallOfKind(k)));
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }
}
