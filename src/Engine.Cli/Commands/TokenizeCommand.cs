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
        var input = new TextInput();
        var command = new Command("tokenize", "Print the tokens of a text with their kinds and UTF-16 offsets.");
        input.AddTo(command);
        command.SetAction((parse, cancellationToken) => !input.Agrees(parse, io.Error)
            ? Task.FromResult(EngineCli.InputError)
            : input.RunAsync(
                parse,
                io,
                static (text, _) => (Text: text, Tokens: Tokens(text)),
                static (json, r) => WriteTokens(json, r.Text, r.Tokens.WrittenSpan),
                r =>
                {
                    foreach (Token t in r.Tokens.WrittenSpan)
                    {
                        io.Out.WriteLine($"{t.Start}\t{t.End}\t{t.Kind}\t{(t.Flags == TokenFlags.None ? "-" : t.Flags)}\t{Display(r.Text, t)}");
                    }
                },
                fileTitle: null,
                cancellationToken));
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
