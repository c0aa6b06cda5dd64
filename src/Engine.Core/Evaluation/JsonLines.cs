using System.Text.Json;

namespace Engine.Evaluation;

/// <summary>Reading the corpora and gold files: JSON Lines, one document a line.</summary>
internal static class JsonLines
{
    /// <summary>Each non-blank line of <paramref name="path"/>, parsed.</summary>
    public static IEnumerable<JsonElement> Read(string path)
    {
        foreach (string line in File.ReadLines(path))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                using JsonDocument doc = JsonDocument.Parse(line);
                yield return doc.RootElement.Clone();
            }
        }
    }

    /// <summary>A line's "id", a string or a number.</summary>
    public static string IdOf(JsonElement line) =>
        line.GetProperty("id") is { ValueKind: JsonValueKind.Number } n ? n.GetRawText() : line.GetProperty("id").GetString() ?? string.Empty;
}
