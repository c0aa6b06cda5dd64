using System.Buffers;
using System.CommandLine;
using System.Text.Json;
using Engine.Lexing;
using Engine.Sentences;

namespace Engine.Cli.Commands;

/// <summary><c>engine sentences [FILE|-] [--format text|json]</c>: sentences with their kinds and offsets.</summary>
internal static class SentencesCommand
{
    public static Command Create(CliIO io)
    {
        var file = CommonOptions.File();
        var format = CommonOptions.Format();
        var command = new Command("sentences", "Print the sentences of a text with their kinds and UTF-16 offsets.") { file, format };
        command.SetAction(parse =>
        {
            string? text = io.ReadInput(parse.GetValue(file));
            if (text is null)
            {
                return EngineCli.InputError;
            }

            var tokens = new ArrayBufferWriter<Token>(Math.Max(16, text.Length / 4));
            var sentences = new ArrayBufferWriter<Sentence>(64);
            Tokenizer.Tokenize(text, tokens);
            SentenceSplitter.Split(text, tokens.WrittenSpan, sentences);
            if (parse.GetValue(format) == "json")
            {
                using var buffer = new MemoryStream();
                using (var json = new Utf8JsonWriter(buffer, CliIO.JsonOptions))
                {
                    json.WriteStartArray();
                    int index = 0;
                    foreach (Sentence s in sentences.WrittenSpan)
                    {
                        json.WriteStartObject();
                        json.WriteNumber("index", index++);
                        json.WriteString("kind", s.Kind.ToString().ToLowerInvariant());
                        json.WriteNumber("paragraph", s.Paragraph);
                        json.WriteNumber("start", s.Start);
                        json.WriteNumber("end", s.End);
                        json.WriteString("text", s.Slice(text));
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                io.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            }
            else
            {
                int index = 0;
                foreach (Sentence s in sentences.WrittenSpan)
                {
                    io.Out.WriteLine($"{index++}\t{s.Start}\t{s.End}\t{s.Kind}\t{s.Slice(text)}");
                }
            }

            return 0;
        });
        return command;
    }
}
