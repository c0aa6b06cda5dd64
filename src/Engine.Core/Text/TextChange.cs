namespace Engine.Text;

/// <summary>
/// One edit: replace the UTF-16 range [<see cref="Start"/>, <see cref="End"/>) of a version with
/// <see cref="NewText"/>. Several changes of one edit all refer to the same base version and may
/// not overlap (like Roslyn's <c>SourceText.WithChanges</c>).
/// </summary>
public readonly record struct TextChange(int Start, int End, string NewText)
{
    /// <summary>An insertion at <paramref name="position"/>.</summary>
    public static TextChange Insert(int position, string text) => new(position, position, text);

    /// <summary>A deletion of [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static TextChange Delete(int start, int end) => new(start, end, string.Empty);
}
