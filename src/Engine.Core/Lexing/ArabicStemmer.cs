namespace Engine.Lexing;

/// <summary>
/// A light stemmer for normalized Arabic words (Larkey, Ballesteros and Connell's light10):
/// strips one definite-article or conjunction prefix (ال وال بال كال فال لل ولل و) and then
/// the suffixes ها ان ات ون ين يه يه ه ي, each only while at least two letters remain.
/// Works in place and returns the new length; apply it after <see cref="ArabicNormalizer"/>.
/// </summary>
public static class ArabicStemmer
{
    private const char Alef = '\u0627';
    private const char Beh = '\u0628';
    private const char Teh = '\u062A';
    private const char Feh = '\u0641';
    private const char Kaf = '\u0643';
    private const char Lam = '\u0644';
    private const char Noon = '\u0646';
    private const char Heh = '\u0647';
    private const char Waw = '\u0648';
    private const char Yeh = '\u064A';

    /// <summary>Stems <paramref name="word"/> in place; returns the length of the stem.</summary>
    public static int Stem(Span<char> word)
    {
        int len = StemPrefix(word);
        return StemSuffix(word[..len]);
    }

    /// <summary>Writes the stem of <paramref name="word"/> into <paramref name="destination"/>; returns its length.</summary>
    public static int Stem(ReadOnlySpan<char> word, Span<char> destination)
    {
        int skip = PrefixLength(word);
        ReadOnlySpan<char> rest = word[skip..];
        int len = rest.Length - SuffixLength(rest);
        rest[..len].CopyTo(destination);
        return len;
    }

    /// <summary>The stem as a range of <paramref name="word"/>: stemming only ever cuts both ends.</summary>
    public static Range StemRange(ReadOnlySpan<char> word)
    {
        int skip = PrefixLength(word);
        int len = word.Length - skip - SuffixLength(word[skip..]);
        return new Range(skip, skip + len);
    }

    private static int StemPrefix(Span<char> word)
    {
        int skip = PrefixLength(word);
        if (skip == 0)
        {
            return word.Length;
        }

        word[skip..].CopyTo(word);
        return word.Length - skip;
    }

    private static int StemSuffix(Span<char> word) => word.Length - SuffixLength(word);

    /// <summary>The length of the prefix to strip, or 0.</summary>
    internal static int PrefixLength(ReadOnlySpan<char> s)
    {
        int len = s.Length;
        if (len < 4)
        {
            return 0;
        }

        char c0 = s[0];
        char c1 = s[1];
        if (c1 == Alef && s[2] == Lam && len >= 5 && c0 is Waw or Beh or Kaf or Feh)
        {
            return 3; // وال بال كال فال
        }

        if (c0 == Alef && c1 == Lam)
        {
            return 2; // ال
        }

        if (c0 == Waw && c1 == Lam && s[2] == Lam && len >= 5)
        {
            return 3; // ولل
        }

        if (c0 == Lam && c1 == Lam)
        {
            return 2; // لل
        }

        return c0 == Waw ? 1 : 0; // و
    }

    /// <summary>The total length of the suffixes to strip, applied in light10's order.</summary>
    internal static int SuffixLength(ReadOnlySpan<char> s)
    {
        int len = s.Length;
        len = Strip2(s, len, Heh, Alef);
        len = Strip2(s, len, Alef, Noon);
        len = Strip2(s, len, Alef, Teh);
        len = Strip2(s, len, Waw, Noon);
        len = Strip2(s, len, Yeh, Noon);
        len = Strip2(s, len, Yeh, Heh);
        len = Strip2(s, len, Yeh, '\u0629');
        len = Strip1(s, len, Heh);
        len = Strip1(s, len, '\u0629');
        len = Strip1(s, len, Yeh);
        return s.Length - len;
    }

    private static int Strip2(ReadOnlySpan<char> s, int len, char a, char b) =>
        len >= 4 && s[len - 2] == a && s[len - 1] == b ? len - 2 : len;

    private static int Strip1(ReadOnlySpan<char> s, int len, char a) =>
        len >= 3 && s[len - 1] == a ? len - 1 : len;
}
