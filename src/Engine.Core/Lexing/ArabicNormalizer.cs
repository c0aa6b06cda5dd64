using System.Runtime.CompilerServices;

namespace Engine.Lexing;

/// <summary>
/// Orthographic normalization of Arabic words, span to span: alef forms (أ إ آ ٱ) become ا,
/// alef maksura ى becomes ي, teh marbuta ة becomes ه, and harakat, Quranic marks, superscript
/// alef, tatweel and zero-width joiners are removed. Latin letters are lower-cased; everything
/// else is copied.
/// </summary>
public static class ArabicNormalizer
{
    /// <summary>
    /// Writes the normalized form of <paramref name="source"/> into <paramref name="destination"/>,
    /// which must be at least as long as the source (normalization never lengthens a word).
    /// </summary>
    /// <returns>The number of characters written.</returns>
    [SkipLocalsInit]
    public static int Normalize(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (destination.Length < source.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(destination));
        }

        int w = 0;
        for (int r = 0; r < source.Length; r++)
        {
            char c = Map(source[r]);
            if (c != '\0')
            {
                destination[w++] = c;
            }
        }

        return w;
    }

    /// <summary>Normalizes <paramref name="buffer"/> in place and returns the new length.</summary>
    public static int Normalize(Span<char> buffer) => Normalize(buffer, buffer);

    /// <summary>Normalizes a string (allocates; for tools and tests, not the hot path).</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        char[] buffer = new char[text.Length];
        return new string(buffer, 0, Normalize(text, buffer));
    }

    /// <summary>Whether <paramref name="c"/> is removed by normalization (marks, tatweel, joiners).</summary>
    public static bool IsRemoved(char c) => Map(c) == '\0';

    /// <summary>The normalized character, or NUL where the character is dropped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static char Map(char c)
    {
        if (c < 0x0600)
        {
            return char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        }

        switch (c)
        {
            case '\u0622': // آ alef with madda
            case '\u0623': // أ alef with hamza above
            case '\u0625': // إ alef with hamza below
            case '\u0671': // ٱ alef wasla
                return '\u0627';
            case '\u0649': // ى alef maksura
                return '\u064A';
            case '\u0629': // ة teh marbuta
                return '\u0647';
            case '\u0640': // tatweel
            case '\u0670': // superscript alef
            case '\u200C': // ZWNJ
            case '\u200D': // ZWJ
                return '\0';
        }

        if (c is >= '\u064B' and <= '\u065F' or >= '\u0610' and <= '\u061A' or >= '\u06D6' and <= '\u06ED')
        {
            return c is '\u06DD' or '\u06DE' or '\u06E5' or '\u06E6' or '\u06E9' ? c : '\0';
        }

        return c;
    }
}
