namespace Engine.Text;

/// <summary>
/// Cuts a long text into sections that the engine analyses independently: a section ends at the
/// first line break after at least <see cref="MinSectionChars"/> characters where the line before
/// ends a sentence and the next line starts with text (after any indent). A section that finds
/// none by <see cref="MaxSectionChars"/> ends at the next sentence end followed by a space. Texts
/// shorter than the minimum (every news article) are one section. Within a section the summary's centrality and redundancy, the sentence
/// splitter's hard-wrap decision and the quotes' speaker context are computed from that section
/// alone, so an edit changes at most the sections it touches; the summary's budget and position
/// feature stay document-wide.
/// </summary>
/// <remarks>
/// Whether a position ends a section depends only on the text around it and on where the section
/// started, so after an edit the sections are found again from the last boundary before the edit
/// until one lands, past the edit, on an old boundary shifted by the edit's length: from there on
/// they are the old ones. Tokens never straddle a boundary (it follows white space and precedes a
/// letter, digit, punctuation mark or symbol), so tokenizing each section gives the text's tokens.
/// </remarks>
internal static class TextSections
{
    /// <summary>A section holds at least this many UTF-16 code units (about 90 news sentences).</summary>
    public const int MinSectionChars = 16 * 1024;

    /// <summary>Where the section that starts at <paramref name="start"/> ends: the next boundary, or the text's length.</summary>
    public static int End(ReadOnlySpan<char> text, int start) => End(new SpanChars(text), start);

    /// <summary>Where the section of a versioned text that starts at <paramref name="start"/> ends (without building the whole string).</summary>
    public static int End(SourceText text, int start)
    {
        ArgumentNullException.ThrowIfNull(text);
        return End(new SourceChars(text), start);
    }

    /// <summary>A section without a line-break boundary by this length ends at the next sentence end and space instead.</summary>
    public const int MaxSectionChars = 4 * MinSectionChars;

    /// <summary>Whether <paramref name="p"/> may start a section: after a line break (and any indent) that ends a sentence, before text.</summary>
    public static bool IsBoundary(ReadOnlySpan<char> text, int p) => Boundary(new SpanChars(text), p) == Kind.LineBreak;

    private enum Kind : byte
    {
        None,
        Space,      // a sentence end, white space, text
        LineBreak,  // the same with a line break in the white space
    }

    private static int End<T>(T text, int start)
        where T : IChars, allows ref struct
    {
        int max = start + MaxSectionChars;
        int end = First(text, start + MinSectionChars, max, '\n', Kind.LineBreak);
        if (end < 0)
        {
            end = First(text, max, int.MaxValue, ' ', Kind.Space);
        }

        return end < 0 ? text.Length : end;
    }

    /// <summary>
    /// The first position in [<paramref name="from"/>, <paramref name="limit"/>) that starts text
    /// after white space holding <paramref name="after"/> and is a boundary of at least kind
    /// <paramref name="least"/>; −1 when there is none.
    /// </summary>
    private static int First<T>(T text, int from, int limit, char after, Kind least)
        where T : IChars, allows ref struct
    {
        while (from <= text.Length && from < limit)
        {
            int found = text.IndexOf(after, from - 1);
            if (found < 0 || found >= limit)
            {
                return -1;
            }

            int p = SkipSpace(text, found + 1);
            if (p >= from && p < limit && Boundary(text, p) >= least)
            {
                return p;
            }

            from = p + 1;
        }

        return -1;
    }

    private static int SkipSpace<T>(T text, int p)
        where T : IChars, allows ref struct
    {
        while (p < text.Length && char.IsWhiteSpace(text[p]))
        {
            p++;
        }

        return p;
    }

    private static Kind Boundary<T>(T text, int p)
        where T : IChars, allows ref struct
    {
        if (p <= 0 || p >= text.Length || !char.IsWhiteSpace(text[p - 1]) || !StartsText(text[p]))
        {
            return Kind.None;
        }

        int k = p - 1;
        while (k >= 0 && (char.IsWhiteSpace(text[k]) || text[k] is '”' or '»' or '"' or '\'' or ')' or ']' or '’'))
        {
            k--;
        }

        bool sentenceEnd = k >= 0 && text[k] is '.' or '!' or '?' or '؟' && !(text[k] == '.' && k > 0 && text[k - 1] == '.');
        return !sentenceEnd ? Kind.None : LineBreakRunsTo(text, p) ? Kind.LineBreak : Kind.Space;
    }

    /// <summary>Whether only white space separates the last line break before <paramref name="p"/> from it.</summary>
    private static bool LineBreakRunsTo<T>(T text, int p)
        where T : IChars, allows ref struct
    {
        for (int k = p - 1; k >= 0 && char.IsWhiteSpace(text[k]); k--)
        {
            if (text[k] == '\n')
            {
                return true;
            }
        }

        return false;
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

    private readonly struct SourceChars(SourceText text) : IChars
    {
        public int Length => text.Length;

        public char this[int index] => text[index];

        public int IndexOf(char value, int from) => text.IndexOf(value, from);
    }
}
