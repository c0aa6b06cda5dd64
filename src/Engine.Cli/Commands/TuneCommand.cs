using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Engine.Evaluation;
using Engine.Summarization;

namespace Engine.Cli.Commands;

/// <summary>
/// <c>engine tune --easc DOCS.jsonl --news REFS.jsonl [--news …] [--folds 5] [--out WEIGHTS.json]</c>: fits the
/// summarizer's feature weights to reference summaries (EASC dev at ratio 0.33, news at 0.2) and
/// reports the fit by k-fold cross-validation beside Lead.
/// </summary>
internal static class TuneCommand
{
    public static Command Create(CliIO io)
    {
        var easc = new Option<string[]>("--easc") { Description = "EASC-style corpus {\"id\",\"text\",\"references\",\"split\"}; its dev split is used, at ratio 0.33." };
        var news = new Option<string[]>("--news") { Description = "News reference file {\"id\",\"text\",\"references\"}, every line used, at ratio 0.2; repeat for several." };
        var folds = new Option<int>("--folds") { Description = "Folds of the cross-validation (document i is held out in fold i mod k).", DefaultValueFactory = _ => 5 };
        var output = new Option<string?>("--out") { Description = "Fit on every document and write the weights here (what the engine ships) instead of cross-validating." };
        var command = new Command("tune", "Fit the summarizer's weights to reference summaries; report the fit by cross-validation beside Lead.") { easc, news, folds, output };
        command.SetAction(parse =>
        {
            var docs = new List<ReferenceDocument>();
            try
            {
                foreach (string file in parse.GetValue(easc) ?? [])
                {
                    docs.AddRange(SummaryTuning.Load(file, "dev", 0.33, "easc-dev"));
                }

                foreach (string file in parse.GetValue(news) ?? [])
                {
                    docs.AddRange(SummaryTuning.Load(file, "all", 0.2, Path.GetFileNameWithoutExtension(file)));
                }
            }
            catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
            {
                io.Error.WriteLine("engine: " + e.Message);
                return EngineCli.InputError;
            }

            if (docs.Count == 0 || parse.GetValue(folds) < 2)
            {
                io.Error.WriteLine("engine: give at least one --easc or --news file with documents, and --folds of at least 2");
                return EngineCli.InputError;
            }

            if (parse.GetValue(output) is { } path)
            {
                FeatureWeights fitted = SummaryTuning.Fit(docs, FeatureWeights.Default);
                using (FileStream stream = File.Create(path))
                {
                    SummaryTuning.Write(fitted, stream);
                }

                io.Error.WriteLine($"engine: weights fitted on {docs.Count} documents, written to {path}: {SummaryTuning.Describe(fitted)}");
                return 0;
            }

            SummaryTuningReport report = SummaryTuning.CrossValidate(docs, parse.GetValue(folds), FeatureWeights.Default);
            io.Out.WriteLine($"{docs.Count} documents, {report.Folds.Count}-fold cross-validation by document (R1 / R2 F, held out)");
            io.Out.WriteLine($"{"",-14} {"engine (fitted)",17} {"engine (shipped)",17} {"lead",17}");
            for (int f = 0; f < report.Folds.Count; f++)
            {
                SummaryFold fold = report.Folds[f];
                io.Out.WriteLine($"{"fold " + (f + 1),-14} {Cell(fold.Engine),17} {Cell(fold.Untuned),17} {Cell(fold.Lead),17}   {SummaryTuning.Describe(fold.Weights)}");
            }

            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{"CV mean",-14} {report.Mean(f => f.Engine.Rouge1.F1),8:F4} / {report.Mean(f => f.Engine.Rouge2.F1):F4} {report.Mean(f => f.Untuned.Rouge1.F1),8:F4} / {report.Mean(f => f.Untuned.Rouge2.F1):F4} {report.Mean(f => f.Lead.Rouge1.F1),8:F4} / {report.Mean(f => f.Lead.Rouge2.F1):F4}"));
            io.Out.WriteLine();
            io.Out.WriteLine("each set with the shipped weights:");
            foreach (var (set, (engine, lead)) in report.BySet)
            {
                io.Out.WriteLine($"{set,-24} engine {Cell(engine)}   lead {Cell(lead)}");
            }

            return 0;
        });
        return command;
    }

    private static string Cell(RougeResult r) => string.Create(CultureInfo.InvariantCulture, $"{r.Rouge1.F1:F4} / {r.Rouge2.F1:F4}");
}
