using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Engine.Cli;

/// <summary>
/// A JSON Lines batch with its progress on a terminal (Spectre.Console, on standard error):
/// documents done, documents per second, and the time left from how much of the input has been
/// read. The problems and the final count are written once the progress display is gone.
/// </summary>
internal static class BatchProgress
{
    public static async Task<JsonLines.Outcome> RunAsync(Stream input, Stream output, TextWriter error, Func<InputDocument, Utf8JsonWriter, Task> process, int window, CancellationToken cancellationToken)
    {
        long total = input.CanSeek ? input.Length : 0;
        var counting = new CountingStream(input);
        var messages = new StringWriter(CultureInfo.InvariantCulture);
        long done = 0;
        async Task Counted(InputDocument document, Utf8JsonWriter json)
        {
            await process(document, json).ConfigureAwait(false);
            Interlocked.Increment(ref done);
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        JsonLines.Outcome outcome = await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                ProgressTask task = context.AddTask("documents", maxValue: Math.Max(1, total));
                task.IsIndeterminate = total == 0;
                DateTime started = DateTime.UtcNow;
                Task<JsonLines.Outcome> run = JsonLines.RunAsync(counting, output, messages, Counted, window, cancellationToken);
                while (!run.IsCompleted)
                {
                    long count = Interlocked.Read(ref done);
                    double seconds = Math.Max(0.001, (DateTime.UtcNow - started).TotalSeconds);
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{count:N0} documents, {count / seconds:N0}/s");
                    task.Value = Math.Min(task.MaxValue, counting.BytesRead);
                    await Task.WhenAny(run, Task.Delay(200, CancellationToken.None)).ConfigureAwait(false);
                }

                task.Value = task.MaxValue;
                return await run.ConfigureAwait(false);
            }).ConfigureAwait(false);
        await error.WriteAsync(messages.ToString()).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>A read-only stream that counts the bytes read through it.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        private long _read;

        public long BytesRead => Interlocked.Read(ref _read);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Counted(int read)
        {
            Interlocked.Add(ref _read, read);
            return read;
        }
    }
}
