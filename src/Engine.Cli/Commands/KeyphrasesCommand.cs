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
        var input = new TextInput();
        var count = new Option<int>("--count")
        {
            Description = $"At most N keyphrases (default {KeyphraseExtractor.DefaultCount}).",
            DefaultValueFactory = _ => KeyphraseExtractor.DefaultCount,
        };
        var command = new Command("keyphrases", "Print the key terms and phrases of a text, best first, with their scores (the best is 1).");
        input.AddTo(command);
        command.Options.Add(count);
        command.SetAction((parse, cancellationToken) =>
        {
            if (!input.Agrees(parse, io.Error))
            {
                return Task.FromResult(EngineCli.InputError);
            }

            int n = parse.GetValue(count);
            if (n < 1)
            {
                io.Error.WriteLine($"engine: --count must be at least 1 (got {n})");
                return Task.FromResult(EngineCli.InputError);
            }

            return input.RunAsync(
                parse,
                io,
                (text, _) => KeyphraseExtractor.Extract(text, n),
                Write,
                keyphrases =>
                {
                    foreach (Keyphrase k in keyphrases)
                    {
                        io.Out.WriteLine(k.Score.ToString("0.000", CultureInfo.InvariantCulture) + "\t" + k.Text);
                    }
                },
                fileTitle: null,
                cancellationToken);
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
