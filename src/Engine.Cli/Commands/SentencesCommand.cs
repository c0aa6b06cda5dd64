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
        var input = new TextInput();
        var command = new Command("sentences", "Print the sentences of a text with their kinds and UTF-16 offsets.");
        input.AddTo(command);
        command.SetAction((parse, cancellationToken) => !input.Agrees(parse, io.Error)
            ? Task.FromResult(EngineCli.InputError)
            : input.RunAsync(
                parse,
                io,
                static (text, _) => (Text: text, Sentences: Split(text)),
                static (json, r) => WriteSentences(json, r.Text, r.Sentences.WrittenSpan),
                r =>
                {
                    int index = 0;
                    foreach (Sentence s in r.Sentences.WrittenSpan)
                    {
                        io.Out.WriteLine($"{index++}\t{s.Start}\t{s.End}\t{s.Kind}\t{s.Slice(r.Text)}");
                    }
                },
                fileTitle: null,
                cancellationToken));
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
