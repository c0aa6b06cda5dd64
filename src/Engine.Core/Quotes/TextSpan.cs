namespace Engine.Quotes;

/// <summary>A span of the text in UTF-16 code units, end exclusive; <see cref="None"/> when absent.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>No span.</summary>
    public static TextSpan None { get; } = new(-1, -1);

    /// <summary>Whether the span is absent.</summary>
    public bool IsEmpty => Start < 0 || End <= Start;

    /// <summary>The span's text, or "" when absent.</summary>
    public string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsEmpty ? string.Empty : text[Start..End];
    }
}
