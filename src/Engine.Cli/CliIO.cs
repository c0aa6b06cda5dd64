using System.Text.Encodings.Web;
using System.Text.Json;

namespace Engine.Cli;

/// <summary>The streams a command reads and writes, and the input helpers every command shares.</summary>
public sealed class CliIO(TextReader stdin, TextWriter stdout, TextWriter stderr)
{
    /// <summary>JSON options that keep Arabic readable (no \u escapes).</summary>
    public static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = stdout;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = stderr;

    /// <summary>Standard input.</summary>
    public TextReader In { get; } = stdin;

    /// <summary>
    /// Reads FILE, or standard input for "-" or no file. Returns null after printing a clear
    /// message when the file is missing or unreadable, or the text is empty.
    /// </summary>
    public string? ReadInput(string? path)
    {
        string text;
        string name = path is null or "-" ? "standard input" : path;
        if (path is not null and not "-" && Directory.Exists(path))
        {
            Error.WriteLine($"engine: {path} is a directory; give a text file");
            return null;
        }

        try
        {
            text = path is null or "-" ? In.ReadToEnd() : File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            Error.WriteLine($"engine: file not found: {path}");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error.WriteLine($"engine: cannot read {name}: {e.Message}");
            return null;
        }

        if (text.AsSpan(0, Math.Min(text.Length, 8 * 1024)).Contains('\0'))
        {
            Error.WriteLine($"engine: {name} looks binary (it holds NUL bytes); give a UTF-8 text file");
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            Error.WriteLine($"engine: {name} is empty: there is no text to analyse");
            return null;
        }

        return text;
    }

    /// <summary>Writes one JSON value to standard output, followed by a newline.</summary>
    public void WriteJson(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            write(json);
        }

        Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>
    /// Runs a JSON Lines batch from <paramref name="input"/> ('-' for standard input) to
    /// <paramref name="output"/> (standard output when null). Returns the exit code.
    /// </summary>
    public Task<int> RunBatchAsync(string input, string? output, Action<InputDocument, Utf8JsonWriter> process, CancellationToken cancellationToken) =>
        RunBatchAsync(input, output, JsonLines.Synchronous(process), JsonLines.DefaultWindow, cancellationToken);

    /// <summary>As above, with <paramref name="process"/> awaited and at most <paramref name="window"/> documents in flight.</summary>
    public async Task<int> RunBatchAsync(string input, string? output, Func<InputDocument, Utf8JsonWriter, Task> process, int window, CancellationToken cancellationToken)
    {
        Stream source;
        try
        {
            source = input == "-" ? StandardInput ?? Console.OpenStandardInput() : File.OpenRead(input);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            Error.WriteLine($"engine: file not found: {input}");
            return EngineCli.InputError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error.WriteLine(Directory.Exists(input) ? $"engine: {input} is a directory; give a JSON Lines file" : $"engine: cannot read {input}: {e.Message}");
            return EngineCli.InputError;
        }

        await using (source.ConfigureAwait(false))
        {
            Stream target;
            try
            {
                // Standard output goes through the text writer, so results interleave correctly with other output.
                target = output is null ? new TextWriterStream(Out) : File.Create(output);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Error.WriteLine($"engine: cannot write {output}: {e.Message}");
                return EngineCli.InputError;
            }

            await using (target.ConfigureAwait(false))
            {
                JsonLines.Outcome outcome = ShowsProgress
                    ? await BatchProgress.RunAsync(source, target, Error, process, window, cancellationToken).ConfigureAwait(false)
                    : await JsonLines.RunAsync(source, target, Error, process, window, cancellationToken).ConfigureAwait(false);
                return outcome.Failed == 0 && !outcome.Binary ? 0 : EngineCli.InputError;
            }
        }
    }

    /// <summary>Whether a batch shows its progress: standard error is the console's, and a terminal.</summary>
    private bool ShowsProgress => ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>The raw standard input stream, when the caller provides one (tests); else the console's.</summary>
    public Stream? StandardInput { get; init; }
}
