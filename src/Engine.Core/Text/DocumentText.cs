namespace Engine.Text;

/// <summary>
/// The text a result is of: a string, or a version of an edited document (a <see cref="SourceText"/>,
/// made one string only if someone asks for it).
/// </summary>
internal readonly struct DocumentText
{
    private readonly string? _text;
    private readonly SourceText? _source;

    private DocumentText(string? text, SourceText? source) => (_text, _source) = (text, source);

    public static implicit operator DocumentText(string text) => new(text, null);

    public static implicit operator DocumentText(SourceText source) => new(null, source);

    /// <summary>The document version, or null for a string.</summary>
    public SourceText? Source => _source;

    /// <summary>The characters [<paramref name="start"/>, <paramref name="end"/>), read without joining a version's chunks.</summary>
    public string Slice(int start, int end) => _text is not null ? _text[start..end] : _source!.Substring(start, end - start);

    /// <summary>The whole text.</summary>
    public override string ToString() => _text ?? _source!.ToString();
}
