using System.Buffers;
using System.CommandLine;
using System.Text.Json;
using Engine.Sentences;

namespace Engine.Cli.Commands;

/// <summary>
/// <c>engine sentences [FILE|-] [--format text|json]</c> and <c>engine sentences --jsonl IN.jsonl
/// [--out OUT.jsonl]</c>: sentences with their kinds and offsets.
/// </summary>
internal static class SentencesCommand
{
    public static Command Create(CliIO io)
    {
        var file = CommonOptions.File();
        var format = CommonOptions.Format();
        var jsonl = CommonOptions.Jsonl();
        var output = CommonOptions.Out();
        var command = new Command("sentences", "Print the sentences of a text with their kinds and UTF-16 offsets.") { file, format, jsonl, output };
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
                    WriteSentences(json, doc.Text, Split(doc.Text).WrittenSpan);
                    json.WriteEndObject();
                }, cancellationToken).ConfigureAwait(false);
            }

            string? text = io.ReadInput(parse.GetValue(file));
            if (text is null)
            {
                return EngineCli.InputError;
            }

            ArrayBufferWriter<Sentence> sentences = Split(text);
            if (parse.GetValue(format) == "json")
            {
                io.WriteJson(json =>
                {
                    json.WriteStartObject();
                    WriteSentences(json, text, sentences.WrittenSpan);
                    json.WriteEndObject();
                });
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

    private static ArrayBufferWriter<Sentence> Split(string text)
    {
        var sentences = new ArrayBufferWriter<Sentence>(64);
        SentenceSplitter.Split(text, TokenizeCommand.Tokens(text).WrittenSpan, sentences);
        return sentences;
    }

    /// <summary>The "sentences" array: each sentence's index, kind, paragraph, start and end (UTF-16, end exclusive) and text.</summary>
    private static void WriteSentences(Utf8JsonWriter json, string text, ReadOnlySpan<Sentence> sentences)
    {
        json.WriteStartArray("sentences");
        int index = 0;
        foreach (Sentence s in sentences)
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
}
