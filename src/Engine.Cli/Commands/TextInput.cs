using System.CommandLine;
using System.Text.Json;

namespace Engine.Cli.Commands;

/// <summary>
/// The input every text command takes, FILE (written as text or, with --format json, as one JSON
/// object) or --jsonl IN [--out OUT] (one JSON object per line), and running the command over it.
/// </summary>
internal sealed class TextInput
{
    public Argument<string?> File { get; } = CommonOptions.File();

    public Option<string> Format { get; } = CommonOptions.Format();

    public Option<string?> Jsonl { get; } = CommonOptions.Jsonl();

    public Option<string?> Out { get; } = CommonOptions.Out();

    /// <summary>Adds FILE, --format, --jsonl and --out to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(File);
        command.Options.Add(Format);
        command.Options.Add(Jsonl);
        command.Options.Add(Out);
    }

    /// <summary>Whether the given inputs go together; false after saying why on one line.</summary>
    public bool Agrees(ParseResult parse, TextWriter error) => CommonOptions.InputAgrees(parse, File, Jsonl, Out, Format, error);

    /// <summary>
    /// Runs <paramref name="analyze"/> on each text (with its title: a JSON line's own, or
    /// <paramref name="fileTitle"/> for FILE) and writes each result: its fields into one JSON object
    /// (beside the line's "id" for --jsonl), or as text. Returns the exit code.
    /// </summary>
    public async Task<int> RunAsync<T>(
        ParseResult parse, CliIO io, Func<string, string?, T> analyze, Action<Utf8JsonWriter, T> writeFields, Action<T> writeText, string? fileTitle, CancellationToken cancellationToken)
    {
        if (parse.GetValue(Jsonl) is { } batch)
        {
            return await io.RunBatchAsync(batch, parse.GetValue(Out), (doc, json) =>
            {
                T result = analyze(doc.Text, doc.Title);
                json.WriteStartObject();
                json.WriteString("id", doc.Id);
                writeFields(json, result);
                json.WriteEndObject();
            }, cancellationToken).ConfigureAwait(false);
        }

        string? text = io.ReadInput(parse.GetValue(File));
        if (text is null)
        {
            return EngineCli.InputError;
        }

        T one = analyze(text, fileTitle);
        if (parse.GetValue(Format) == "json")
        {
            io.WriteJson(json =>
            {
                json.WriteStartObject();
                writeFields(json, one);
                json.WriteEndObject();
            });
        }
        else
        {
            writeText(one);
        }

        return 0;
    }
}
