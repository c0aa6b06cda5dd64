using System.Buffers;
using System.Diagnostics;
using System.Globalization;
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
/// constant however large the input is. Every input line gives exactly one output line: its
/// result, or <c>{"id", "line", "error"}</c> when it cannot be processed (not JSON, not UTF-8,
/// no text, too long, or failed), so output line n always answers input line n.
/// </summary>
public static class JsonLines
{
    /// <summary>The longest input line accepted (64 MiB); longer lines are reported and skipped.</summary>
    public const long DefaultMaxLineBytes = 64L * 1024 * 1024;

    /// <summary>Documents in flight when the work is done here: a few per core.</summary>
    public static int DefaultWindow => Environment.ProcessorCount * 4;

    /// <summary>How much of the input is looked at to tell a binary file from text.</summary>
    private const int SniffBytes = 8 * 1024;

    /// <summary>What a batch did: lines answered with a result, and lines answered with an error.</summary>
    public readonly record struct Outcome(long Succeeded, long Failed, bool Binary = false);

    /// <summary>One line's answer: its output, and the problem when the answer is an error record.</summary>
    private readonly record struct Answer(long Line, byte[] Output, string? Problem);

    /// <summary>
    /// Processes every line of <paramref name="input"/> with <paramref name="process"/>, which
    /// writes one JSON object; each problem is reported on <paramref name="error"/> with its line
    /// number, then a closing count. Input that holds NUL bytes in its first 8 KiB is refused as
    /// binary before any output.
    /// </summary>
    public static Task<Outcome> RunAsync(Stream input, Stream output, TextWriter error, Action<InputDocument, Utf8JsonWriter> process, CancellationToken cancellationToken = default, long maxLineBytes = DefaultMaxLineBytes) =>
        RunAsync(input, output, error, Synchronous(process), DefaultWindow, cancellationToken, maxLineBytes);

    /// <summary>
    /// As above, with <paramref name="process"/> awaited (a document sent to a server) and at most
    /// <paramref name="window"/> documents in flight.
    /// </summary>
    public static async Task<Outcome> RunAsync(Stream input, Stream output, TextWriter error, Func<InputDocument, Utf8JsonWriter, Task> process, int window, CancellationToken cancellationToken = default, long maxLineBytes = DefaultMaxLineBytes)
    {
        long started = Stopwatch.GetTimestamp();
        var lines = new LineReader(input, process, window, maxLineBytes, cancellationToken);
        Task producer = lines.ProduceAsync();
        long succeeded = 0;
        long failed = 0;
        await foreach (Task<Answer> work in lines.Answers.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            Answer answer = await work.ConfigureAwait(false);
            await output.WriteAsync(answer.Output, cancellationToken).ConfigureAwait(false);
            if (answer.Problem is null)
            {
                succeeded++;
            }
            else
            {
                failed++;
                await error.WriteLineAsync($"engine: line {answer.Line}: {answer.Problem}").ConfigureAwait(false);
            }
        }

        await producer.ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (lines.Binary)
        {
            await error.WriteLineAsync("engine: the input looks binary (it holds NUL bytes); give UTF-8 JSON Lines").ConfigureAwait(false);
            return new Outcome(0, 0, Binary: true);
        }

        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"engine: {succeeded} ok, {failed} failed in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0##} s")).ConfigureAwait(false);
        return new Outcome(succeeded, failed);
    }

    /// <summary>
    /// Reads the input's lines and queues each one's answer, in input order, at most a few per core
    /// ahead of the writer (the queue is bounded, so a slow writer stops the reader).
    /// </summary>
    private sealed class LineReader(Stream input, Func<InputDocument, Utf8JsonWriter, Task> process, int window, long maxLineBytes, CancellationToken cancellationToken)
    {
        private readonly Channel<Task<Answer>> _pending =
            Channel.CreateBounded<Task<Answer>>(new BoundedChannelOptions(Math.Max(1, window)) { SingleReader = true, SingleWriter = true });

        private readonly PipeReader _reader = PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 1 << 16));
        private readonly long _maxLineBytes = maxLineBytes;
        private readonly CancellationToken _cancellationToken = cancellationToken;

        /// <summary>The answers, in input order.</summary>
        public ChannelReader<Task<Answer>> Answers => _pending.Reader;

        /// <summary>Whether the input was refused as binary.</summary>
        public bool Binary { get; private set; }

        public async Task ProduceAsync()
        {
            long lineNumber = 0;
            bool skipping = false; // inside a line too long to keep, until its newline
            bool first = true;
            try
            {
                while (true)
                {
                    ReadResult result = await _reader.ReadAsync(_cancellationToken).ConfigureAwait(false);
                    ReadOnlySequence<byte> buffer = result.Buffer;
                    if (first)
                    {
                        if (buffer.Length < SniffBytes && !result.IsCompleted)
                        {
                            _reader.AdvanceTo(buffer.Start, buffer.End);
                            continue;
                        }

                        first = false;
                        if (!Sniff(ref buffer))
                        {
                            Binary = true;
                            _reader.AdvanceTo(buffer.End);
                            break;
                        }
                    }

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

                    if (buffer.Length > _maxLineBytes && !result.IsCompleted)
                    {
                        // Memory stays bounded: the rest of an oversized line is read and dropped.
                        if (!skipping)
                        {
                            lineNumber++;
                            await _pending.Writer.WriteAsync(Task.FromResult(Error(lineNumber, null, $"longer than {_maxLineBytes} bytes; skipped")), _cancellationToken).ConfigureAwait(false);
                            skipping = true;
                        }

                        _reader.AdvanceTo(buffer.End);
                        continue;
                    }

                    if (result.IsCompleted)
                    {
                        if (!skipping && !buffer.IsEmpty)
                        {
                            lineNumber++;
                            await EnqueueAsync(buffer, lineNumber).ConfigureAwait(false);
                            buffer = buffer.Slice(buffer.End);
                        }

                        _reader.AdvanceTo(buffer.End);
                        break;
                    }

                    _reader.AdvanceTo(buffer.Start, buffer.End);
                }
            }
            finally
            {
                await _reader.CompleteAsync().ConfigureAwait(false);
                _pending.Writer.Complete();
            }
        }

        /// <summary>False when the input's start holds a NUL byte (binary); else skips a byte-order mark.</summary>
        private static bool Sniff(ref ReadOnlySequence<byte> buffer)
        {
            if (buffer.Slice(0, Math.Min(buffer.Length, SniffBytes)).PositionOf((byte)0) is not null)
            {
                return false;
            }

            if (buffer.Length >= 3 && buffer.FirstSpan.Length >= 3 && buffer.FirstSpan[..3].SequenceEqual("\uFEFF"u8))
            {
                buffer = buffer.Slice(3); // a byte-order mark
            }

            return true;
        }

        private async ValueTask EnqueueAsync(ReadOnlySequence<byte> line, long number)
        {
            InputDocument? doc = Parse(line, number, out string? id, out string? problem);
            Task<Answer> work = doc is null
                ? Task.FromResult(Error(number, id, problem!))
                : Task.Run(() => RenderAsync(doc, process), _cancellationToken);
            await _pending.Writer.WriteAsync(work, _cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A synchronous step as an awaitable one (what it throws comes out of the call itself).</summary>
    public static Func<InputDocument, Utf8JsonWriter, Task> Synchronous(Action<InputDocument, Utf8JsonWriter> process) => (doc, json) =>
    {
        process(doc, json);
        return Task.CompletedTask;
    };

    private static async Task<Answer> RenderAsync(InputDocument doc, Func<InputDocument, Utf8JsonWriter, Task> process)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, doc.Text.Length));
        try
        {
            using var json = new Utf8JsonWriter(buffer, CliIO.JsonOptions);
            await process(doc, json).ConfigureAwait(false);
            await json.FlushAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Error(doc.Line, doc.Id, "failed: " + e.Message);
        }

        buffer.Write("\n"u8);
        return new Answer(doc.Line, buffer.WrittenSpan.ToArray(), null);
    }

    /// <summary>The error record of a line: its id (the line number when it has none), its line, and the problem.</summary>
    private static Answer Error(long line, string? id, string problem)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, CliIO.JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("id", id ?? line.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("line", line);
            json.WriteString("error", problem);
            json.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return new Answer(line, buffer.WrittenSpan.ToArray(), problem);
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

    /// <summary>Parses one line into a document, or returns null with the problem (and the line's id when it has one).</summary>
    public static InputDocument? Parse(ReadOnlySequence<byte> line, long number, out string? id, out string? problem)
    {
        problem = null;
        id = null;
        if (IsBlank(line))
        {
            problem = "blank line";
            return null;
        }

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

            id = root.TryGetProperty("id", out JsonElement idElement)
                ? idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : idElement.GetRawText()
                : null;
            if (!root.TryGetProperty("text", out JsonElement text) || text.ValueKind != JsonValueKind.String)
            {
                problem = "no \"text\" string";
                return null;
            }

            string body = text.GetString()!;
            if (string.IsNullOrWhiteSpace(body))
            {
                problem = "the text is empty";
                return null;
            }

            string? title = root.TryGetProperty("title", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            return new InputDocument(number, id ?? number.ToString(System.Globalization.CultureInfo.InvariantCulture), body, title);
        }
        catch (JsonException e)
        {
            problem = "not valid JSON: " + e.Message;
            return null;
        }
        catch (InvalidOperationException)
        {
            problem = "not valid UTF-8";
            return null;
        }
    }
}
