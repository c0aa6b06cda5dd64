namespace Engine.Text;

/// <summary>
/// Cuts a long text into sections that the engine analyses independently: a section ends at the
/// first line break after at least <see cref="MinSectionChars"/> characters where the line before
/// ends a sentence and the next line starts with text. Texts shorter than that (every news article)
/// are one section. Within a section the summary's centrality and redundancy, the sentence
/// splitter's hard-wrap decision and the quotes' speaker context are computed from that section
/// alone, so an edit changes at most the sections it touches; the summary's budget and position
/// feature stay document-wide.
/// </summary>
/// <remarks>
/// Whether a position ends a section depends only on the text around it and on where the section
/// started, so after an edit the sections are found again from the last boundary before the edit
/// until one lands, past the edit, on an old boundary shifted by the edit's length: from there on
/// they are the old ones. Tokens never straddle a boundary (it follows a line break and precedes a
/// letter, digit, punctuation mark or symbol), so tokenizing each section gives the text's tokens.
/// </remarks>
public static class TextSections
{
    /// <summary>A section holds at least this many UTF-16 code units (about 90 news sentences).</summary>
    public const int MinSectionChars = 16 * 1024;

    /// <summary>Where the section that starts at <paramref name="start"/> ends: the next boundary, or the text's length.</summary>
    public static int End(ReadOnlySpan<char> text, int start) => End(new SpanChars(text), start);

    /// <summary>Where the section of a versioned text that starts at <paramref name="start"/> ends (without building the whole string).</summary>
    public static int End(Incremental.SourceText text, int start)
    {
        ArgumentNullException.ThrowIfNull(text);
        return End(new SourceChars(text), start);
    }

    /// <summary>Whether <paramref name="p"/> may start a section: after a line break that ends a sentence, before text.</summary>
    public static bool IsBoundary(ReadOnlySpan<char> text, int p) => IsBoundary(new SpanChars(text), p);

    private static int End<T>(T text, int start)
        where T : IChars, allows ref struct
    {
        for (int from = start + MinSectionChars; from <= text.Length;)
        {
            int newline = text.IndexOf('\n', from - 1);
            if (newline < 0)
            {
                break;
            }

            int p = newline + 1;
            if (IsBoundary(text, p))
            {
                return p;
            }

            from = p + 1;
        }

        return text.Length;
    }

    private static bool IsBoundary<T>(T text, int p)
        where T : IChars, allows ref struct
    {
        if (p <= 0 || p >= text.Length || text[p - 1] != '\n' || !StartsText(text[p]))
        {
            return false;
        }

        int k = p - 1;
        while (k >= 0 && (char.IsWhiteSpace(text[k]) || text[k] is '”' or '»' or '"' or '\'' or ')' or ']' or '’'))
        {
            k--;
        }

        return k >= 0 && text[k] is '.' or '!' or '?' or '؟' && !(text[k] == '.' && k > 0 && text[k - 1] == '.');
    }

    private static bool StartsText(char c) => char.IsLetterOrDigit(c) || char.IsPunctuation(c) || char.IsSymbol(c);

    private interface IChars
    {
        int Length { get; }

        char this[int index] { get; }

        int IndexOf(char value, int from);
    }

    private readonly ref struct SpanChars(ReadOnlySpan<char> text) : IChars
    {
        private readonly ReadOnlySpan<char> _text = text;

        public int Length => _text.Length;

        public char this[int index] => _text[index];

        public int IndexOf(char value, int from)
        {
            int found = _text[from..].IndexOf(value);
            return found < 0 ? -1 : from + found;
        }
    }

    private readonly struct SourceChars(Incremental.SourceText text) : IChars
    {
        public int Length => text.Length;

        public char this[int index] => text[index];

        public int IndexOf(char value, int from) => text.IndexOf(value, from);
    }
}
