using System.Buffers;
using System.CommandLine;
using System.Text.Json;
using Engine.Lexing;

namespace Engine.Cli.Commands;

/// <summary>
/// <c>engine tokenize [FILE|-] [--format text|json]</c> and <c>engine tokenize --jsonl IN.jsonl
/// [--out OUT.jsonl]</c>: tokens with kinds, flags and UTF-16 offsets.
/// </summary>
internal static class TokenizeCommand
{
    public static Command Create(CliIO io)
    {
        var file = CommonOptions.File();
        var format = CommonOptions.Format();
        var jsonl = CommonOptions.Jsonl();
        var output = CommonOptions.Out();
        var command = new Command("tokenize", "Print the tokens of a text with their kinds and UTF-16 offsets.") { file, format, jsonl, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!CommonOptions.InputAgrees(parse, file, jsonl, output, format, io.Error))
            {
                return EngineCli.InputError;
            }

            if (parse.GetValue(jsonl) is { } batch)
            {
                return await io.RunBatchAsync(batch, parse.GetValue(output), (doc, json) =>
                {
                    json.WriteStartObject();
                    json.WriteString("id", doc.Id);
                    WriteTokens(json, doc.Text, Tokens(doc.Text).WrittenSpan);
                    json.WriteEndObject();
                }, cancellationToken).ConfigureAwait(false);
            }

            string? text = io.ReadInput(parse.GetValue(file));
            if (text is null)
            {
                return EngineCli.InputError;
            }

            ArrayBufferWriter<Token> tokens = Tokens(text);
            if (parse.GetValue(format) == "json")
            {
                io.WriteJson(json =>
                {
                    json.WriteStartObject();
                    WriteTokens(json, text, tokens.WrittenSpan);
                    json.WriteEndObject();
                });
            }
            else
            {
                foreach (Token t in tokens.WrittenSpan)
                {
                    io.Out.WriteLine($"{t.Start}\t{t.End}\t{t.Kind}\t{(t.Flags == TokenFlags.None ? "-" : t.Flags)}\t{Display(text, t)}");
                }
            }

            return 0;
        });
        return command;
    }

    internal static ArrayBufferWriter<Token> Tokens(string text)
    {
        var tokens = new ArrayBufferWriter<Token>(Math.Max(16, text.Length / 4));
        Tokenizer.Tokenize(text, tokens);
        return tokens;
    }

    internal static string Display(string text, Token t) =>
        t.Kind == TokenKind.LineBreak ? "\\n" : text.Substring(t.Start, t.Length);

    /// <summary>The "tokens" array: each token's kind, text, start and end (UTF-16, end exclusive) and flags.</summary>
    private static void WriteTokens(Utf8JsonWriter json, string text, ReadOnlySpan<Token> tokens)
    {
        json.WriteStartArray("tokens");
        foreach (Token t in tokens)
        {
            json.WriteStartObject();
            json.WriteString("kind", t.Kind.ToString());
            json.WriteString("text", text.AsSpan(t.Start, t.Length));
            json.WriteNumber("start", t.Start);
            json.WriteNumber("end", t.End);
            if (t.Flags != TokenFlags.None)
            {
                json.WriteString("flags", t.Flags.ToString());
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
