using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Threading.Channels;

namespace Engine.Cli;

/// <summary>One input document of a JSON Lines batch.</summary>
public sealed record InputDocument(long Line, string Id, string Text, string? Title);

/// <summary>
/// Streams a JSON Lines batch: lines are cut from a <see cref="PipeReader"/> (no string per line),
/// each document is processed on the thread pool by up to one worker per core, and results are
/// written in input order. At most a fixed window of documents is in flight, so memory stays
/// constant however large the input is.
/// </summary>
public static class JsonLines
{
    /// <summary>The longest input line accepted (64 MiB); longer lines are reported and skipped.</summary>
    public const long DefaultMaxLineBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Processes every document of <paramref name="input"/> with <paramref name="process"/>, which
    /// writes one JSON object; returns the number of lines that could not be processed (each
    /// reported on <paramref name="error"/> with its line number).
    /// </summary>
    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter error, Action<InputDocument, Utf8JsonWriter> process, CancellationToken cancellationToken = default, long maxLineBytes = DefaultMaxLineBytes)
    {
        int window = Environment.ProcessorCount * 4;
        var pending = Channel.CreateBounded<Task<byte[]?>>(new BoundedChannelOptions(window) { SingleReader = true, SingleWriter = true });
        int failures = 0;
        var reader = PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 1 << 16));

        async Task ProduceAsync()
        {
            long lineNumber = 0;
            bool skipping = false; // inside a line too long to keep, until its newline
            try
            {
                while (true)
                {
                    ReadResult result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    ReadOnlySequence<byte> buffer = result.Buffer;
                    while (TryReadLine(ref buffer, out ReadOnlySequence<byte> line))
                    {
                        if (skipping)
                        {
                            skipping = false;
                            continue;
                        }

                        lineNumber++;
                        await EnqueueAsync(line, lineNumber).ConfigureAwait(false);
                    }

                    if (buffer.Length > maxLineBytes && !result.IsCompleted)
                    {
                        // Memory stays bounded: the rest of an oversized line is read and dropped.
                        if (!skipping)
                        {
                            lineNumber++;
                            await error.WriteLineAsync($"engine: line {lineNumber}: longer than {maxLineBytes} bytes; skipped").ConfigureAwait(false);
                            Interlocked.Increment(ref failures);
                            skipping = true;
                        }

                        reader.AdvanceTo(buffer.End);
                        continue;
                    }

                    if (result.IsCompleted && skipping)
                    {
                        reader.AdvanceTo(buffer.End);
                        break;
                    }

                    if (result.IsCompleted)
                    {
                        if (!buffer.IsEmpty)
                        {
                            lineNumber++;
                            await EnqueueAsync(buffer, lineNumber).ConfigureAwait(false);
                            buffer = buffer.Slice(buffer.End);
                        }

                        reader.AdvanceTo(buffer.End);
                        break;
                    }

                    reader.AdvanceTo(buffer.Start, buffer.End);
                }
            }
            finally
            {
                await reader.CompleteAsync().ConfigureAwait(false);
                pending.Writer.Complete();
            }
        }

        async ValueTask EnqueueAsync(ReadOnlySequence<byte> line, long number)
        {
            if (IsBlank(line))
            {
                return;
            }

            InputDocument? doc = Parse(line, number, out string? problem);
            Task<byte[]?> work = doc is null
                ? Task.FromResult<byte[]?>(null)
                : Task.Run(() => Render(doc, process), cancellationToken);
            if (problem is not null)
            {
                await error.WriteLineAsync($"engine: line {number}: {problem}").ConfigureAwait(false);
                Interlocked.Increment(ref failures);
            }

            await pending.Writer.WriteAsync(work, cancellationToken).ConfigureAwait(false);
        }

        Task producer = ProduceAsync();
        await foreach (Task<byte[]?> work in pending.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            byte[]? bytes = await work.ConfigureAwait(false);
            if (bytes is not null)
            {
                await output.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
        }

        await producer.ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return failures;
    }

    private static byte[]? Render(InputDocument doc, Action<InputDocument, Utf8JsonWriter> process)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, doc.Text.Length));
        using (var json = new Utf8JsonWriter(buffer, CliIO.JsonOptions))
        {
            process(doc, json);
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        SequencePosition? newline = buffer.PositionOf((byte)'\n');
        if (newline is null)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, newline.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
        return true;
    }

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (ReadOnlyMemory<byte> segment in line)
        {
            foreach (byte b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Parses one line into a document, or returns null with the problem.</summary>
    public static InputDocument? Parse(ReadOnlySequence<byte> line, long number, out string? problem)
    {
        problem = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            using var doc = JsonDocument.ParseValue(ref reader);
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "expected a JSON object with \"id\" and \"text\"";
                return null;
            }

            string id = root.TryGetProperty("id", out JsonElement idElement)
                ? idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : idElement.GetRawText()
                : number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!root.TryGetProperty("text", out JsonElement text) || text.ValueKind != JsonValueKind.String)
            {
                problem = $"document {id} has no \"text\" string";
                return null;
            }

            string body = text.GetString()!;
            if (string.IsNullOrWhiteSpace(body))
            {
                problem = $"document {id} has an empty text";
                return null;
            }

            string? title = root.TryGetProperty("title", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            return new InputDocument(number, id, body, title);
        }
        catch (JsonException e)
        {
            problem = "not valid JSON: " + e.Message;
            return null;
        }
    }
}
