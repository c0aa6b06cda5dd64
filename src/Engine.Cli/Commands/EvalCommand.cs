using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Engine.Evaluation;
using Engine.Summarization;

namespace Engine.Cli.Commands;

/// <summary>
/// <c>engine eval --corpus CORPUS.jsonl [--split dev|test|all] [budget] [--algorithm A]</c>: ROUGE-1/2/L
/// of the summaries against the corpus's references, computed as the project's scorer does.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(CliIO io)
    {
        var corpus = new Option<string>("--corpus") { Description = "JSON Lines with {\"id\",\"text\",\"references\":[...],\"split\"}.", Required = true };
        var split = new Option<string>("--split") { Description = "Which documents to score.", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong("dev", "test", "all");
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON." };
        var summary = new SummaryOptions();
        var command = new Command("eval", "Score summaries against reference summaries with ROUGE-1/2/L (Arabic-normalised).") { corpus, split, json };
        foreach (Option o in summary.All)
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            SummarizerOptions? options = summary.Bind(parse, io.Error);
            if (options is null)
            {
                return EngineCli.InputError;
            }

            string path = parse.GetValue(corpus)!;
            if (!File.Exists(path))
            {
                io.Error.WriteLine($"engine: file not found: {path}");
                return EngineCli.InputError;
            }

            string wanted = parse.GetValue(split)!;
            List<ReferenceDocument>? docs = Load(io, path, wanted);
            if (docs is null)
            {
                return EngineCli.InputError;
            }

            var summaryWords = new int[docs.Count];
            RougeResult mean = SummaryTuning.Score(docs, _ => options, summaryWords);
            if (parse.GetValue(json))
            {
                io.WriteJson(w =>
                {
                    w.WriteStartObject();
                    Write(w, "rouge1", mean.Rouge1);
                    Write(w, "rouge2", mean.Rouge2);
                    Write(w, "rougeL", mean.RougeL);
                    w.WriteNumber("documents", docs.Count);
                    w.WriteNumber("mean_summary_words", summaryWords.Average());
                    w.WriteEndObject();
                });
            }
            else
            {
                io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"documents={docs.Count} algorithm={options.Algorithm.ToString().ToLowerInvariant()} budget={options.Budget} mean_summary_words={summaryWords.Average():F1}"));
                Print(io.Out, "rouge1", mean.Rouge1);
                Print(io.Out, "rouge2", mean.Rouge2);
                Print(io.Out, "rougeL", mean.RougeL);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The documents of split <paramref name="wanted"/>, or null after saying on standard error what is wrong with the file.</summary>
    private static List<ReferenceDocument>? Load(CliIO io, string path, string wanted)
    {
        var docs = new List<ReferenceDocument>();
        long lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                JsonElement root = doc.RootElement;
                string docSplit = root.TryGetProperty("split", out JsonElement s) ? s.GetString() ?? "" : "";
                if (wanted != "all" && docSplit != wanted)
                {
                    continue;
                }

                string[] references = [.. root.GetProperty("references").EnumerateArray().Select(r => r.GetString()!)];
                docs.Add(new ReferenceDocument(lineNumber.ToString(CultureInfo.InvariantCulture), wanted, root.GetProperty("text").GetString()!, references, Ratio: 0));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                io.Error.WriteLine($"engine: {path}:{lineNumber}: not a corpus line ({e.Message})");
                return null;
            }
        }

        if (docs.Count == 0)
        {
            io.Error.WriteLine($"engine: no documents in split '{wanted}' of {path}");
            return null;
        }

        return docs;
    }

    private static void Print(TextWriter o, string name, RougeScore s) =>
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: F={s.F1:F4} R={s.Recall:F4} P={s.Precision:F4}"));

    private static void Write(Utf8JsonWriter w, string name, RougeScore s)
    {
        w.WriteStartObject(name);
        w.WriteNumber("p", s.Precision);
        w.WriteNumber("r", s.Recall);
        w.WriteNumber("f", s.F1);
        w.WriteEndObject();
    }
}
