using System.Buffers;
using System.CommandLine;
using System.Text.Json;
using Engine.Lexing;

namespace Engine.Cli.Commands;

/// <summary><c>engine tokenize [FILE|-] [--format text|json]</c>: tokens with kinds, flags and offsets.</summary>
internal static class TokenizeCommand
{
    public static Command Create(CliIO io)
    {
        var file = CommonOptions.File();
        var format = CommonOptions.Format();
        var command = new Command("tokenize", "Print the tokens of a text with their kinds and UTF-16 offsets.") { file, format };
        command.SetAction(parse =>
        {
            string? text = io.ReadInput(parse.GetValue(file));
            if (text is null)
            {
                return EngineCli.InputError;
            }

            var tokens = new ArrayBufferWriter<Token>(Math.Max(16, text.Length / 4));
            Tokenizer.Tokenize(text, tokens);
            if (parse.GetValue(format) == "json")
            {
                WriteJson(io, text, tokens.WrittenSpan);
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

    internal static string Display(string text, Token t) =>
        t.Kind == TokenKind.LineBreak ? "\\n" : text.Substring(t.Start, t.Length);

    private static void WriteJson(CliIO io, string text, ReadOnlySpan<Token> tokens)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, CliIO.JsonOptions))
        {
            json.WriteStartArray();
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

        io.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
