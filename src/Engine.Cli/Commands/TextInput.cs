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

    /// <summary>--server URL[,URL…]: the batch analysed on servers instead of here (added by the commands that take it).</summary>
    public Option<string?> Server { get; } = new("--server")
    {
        Description = "With --jsonl: send the documents to these servers (http://host:port[,…] round robin, or dns:///host:port) instead of analysing them here; a document whose server is lost is retried on another. The output is the same.",
    };

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
    /// Sends each document of the --jsonl batch to <paramref name="servers"/> (see
    /// <see cref="RemoteEngine"/>) and writes each answer's fields beside the line's "id", as
    /// <see cref="RunAsync{T}"/> writes what it computes here. Returns the exit code.
    /// </summary>
    public async Task<int> RunOnServersAsync(
        ParseResult parse, CliIO io, string servers, Func<InputDocument, Grpc.V1.SummarizeRequest> request, Action<Utf8JsonWriter, Grpc.V1.SummarizeResponse> writeFields, CancellationToken cancellationToken)
    {
        if (parse.GetValue(Jsonl) is not { } batch)
        {
            io.Error.WriteLine("engine: --server goes with --jsonl; one text is analysed here");
            return EngineCli.InputError;
        }

        using RemoteEngine? remote = RemoteEngine.Create(servers, io.Error);
        if (remote is null)
        {
            return EngineCli.InputError;
        }

        return await io.RunBatchAsync(batch, parse.GetValue(Out), async (doc, json) =>
        {
            Grpc.V1.SummarizeResponse response = await remote.SummarizeAsync(request(doc), cancellationToken).ConfigureAwait(false);
            json.WriteStartObject();
            json.WriteString("id", doc.Id);
            writeFields(json, response);
            json.WriteEndObject();
        }, remote.Window, cancellationToken).ConfigureAwait(false);
    }

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
