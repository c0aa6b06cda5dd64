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

        if (string.IsNullOrWhiteSpace(text))
        {
            Error.WriteLine($"engine: {name} is empty: there is no text to analyse");
            return null;
        }

        return text;
    }

    /// <summary>A JSON writer over standard output; dispose it before writing anything else.</summary>
    public Utf8JsonWriter CreateJsonWriter(Stream stream) => new(stream, JsonOptions);
}
