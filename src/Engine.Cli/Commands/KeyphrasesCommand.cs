using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Engine.Keyphrases;

namespace Engine.Cli.Commands;

/// <summary><c>engine keyphrases [FILE|-] [--count N] [--format text|json]</c> and <c>engine keyphrases --jsonl IN.jsonl [--out OUT.jsonl]</c>.</summary>
internal static class KeyphrasesCommand
{
    public static Command Create(CliIO io)
    {
        var file = CommonOptions.File();
        var format = CommonOptions.Format();
        var jsonl = CommonOptions.Jsonl();
        var output = CommonOptions.Out();
        var count = new Option<int>("--count")
        {
            Description = $"At most N keyphrases (default {KeyphraseExtractor.DefaultCount}).",
            DefaultValueFactory = _ => KeyphraseExtractor.DefaultCount,
        };
        var command = new Command("keyphrases", "Print the key terms and phrases of a text, best first, with their scores (the best is 1).") { file, format, jsonl, output, count };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!CommonOptions.InputAgrees(parse, file, jsonl, output, format, io.Error))
            {
                return EngineCli.InputError;
            }

            int n = parse.GetValue(count);
            if (n < 1)
            {
                io.Error.WriteLine($"engine: --count must be at least 1 (got {n})");
                return EngineCli.InputError;
            }

            if (parse.GetValue(jsonl) is { } batch)
            {
                return await io.RunBatchAsync(batch, parse.GetValue(output), (doc, json) =>
                {
                    json.WriteStartObject();
                    json.WriteString("id", doc.Id);
                    Write(json, KeyphraseExtractor.Extract(doc.Text, n));
                    json.WriteEndObject();
                }, cancellationToken).ConfigureAwait(false);
            }

            string? text = io.ReadInput(parse.GetValue(file));
            if (text is null)
            {
                return EngineCli.InputError;
            }

            IReadOnlyList<Keyphrase> keyphrases = KeyphraseExtractor.Extract(text, n);
            if (parse.GetValue(format) == "json")
            {
                io.WriteJson(json =>
                {
                    json.WriteStartObject();
                    Write(json, keyphrases);
                    json.WriteEndObject();
                });
                return 0;
            }

            foreach (Keyphrase k in keyphrases)
            {
                io.Out.WriteLine(k.Score.ToString("0.000", CultureInfo.InvariantCulture) + "\t" + k.Text);
            }

            return 0;
        });
        return command;
    }

    private static void Write(Utf8JsonWriter json, IReadOnlyList<Keyphrase> keyphrases)
    {
        json.WriteStartArray("keyphrases");
        foreach (Keyphrase k in keyphrases)
        {
            json.WriteStartObject();
            json.WriteString("text", k.Text);
            json.WriteNumber("score", Math.Round(k.Score, 4));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
