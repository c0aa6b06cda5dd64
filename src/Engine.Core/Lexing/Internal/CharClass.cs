namespace Engine.Lexing.Internal;

/// <summary>The lexical class of one UTF-16 code unit, from a single lookup table.</summary>
internal enum CharClass : byte
{
    /// <summary>Anything without a better class: emoji halves, control characters, unassigned code points.</summary>
    Other = 0,
    /// <summary>Horizontal whitespace (space, tab, no-break space and the Unicode spaces).</summary>
    Space,
    /// <summary>A line terminator: LF, CR, NEL, LS, PS, VT, FF.</summary>
    Newline,
    /// <summary>Bidi and byte-order marks: invisible, skipped like whitespace.</summary>
    Ignorable,
    /// <summary>ZWNJ and ZWJ: kept inside the word they join.</summary>
    Joiner,
    ArabicLetter,
    /// <summary>Harakat, tanween, shadda, sukun, superscript alef and Quranic marks.</summary>
    ArabicMark,
    Tatweel,
    LatinLetter,
    /// <summary>Letters of other scripts (Cyrillic, Greek, CJK …): lexed like Latin words.</summary>
    OtherLetter,
    /// <summary>Combining marks outside the Arabic block (kept with the word before them).</summary>
    CombiningMark,
    AsciiDigit,
    ArabicIndicDigit,
    ExtendedDigit,
    /// <summary>Punctuation that can end a sentence: . ! ? ؟ … ۔</summary>
    Terminal,
    Punctuation,
    QuoteOpen,
    QuoteClose,
    QuoteAmbiguous,
    HighSurrogate,
    LowSurrogate,
    Symbol,
}

/// <summary>One 64 KiB table maps every UTF-16 code unit to its <see cref="CharClass"/>.</summary>
internal static class CharClasses
{
    private static readonly CharClass[] Table = Build();

    public static CharClass Of(char c) => Table[c];

    /// <summary>The table itself, for hot loops that index it without a bounds check per call.</summary>
    public static ReadOnlySpan<CharClass> All => Table;

    public static bool IsArabicWordPart(CharClass c) =>
        c is CharClass.ArabicLetter or CharClass.ArabicMark or CharClass.Tatweel or CharClass.Joiner;

    public static bool IsDigit(CharClass c) =>
        c is CharClass.AsciiDigit or CharClass.ArabicIndicDigit or CharClass.ExtendedDigit;

    public static bool IsLetterOrDigit(CharClass c) =>
        c is CharClass.ArabicLetter or CharClass.LatinLetter or CharClass.OtherLetter
            or CharClass.AsciiDigit or CharClass.ArabicIndicDigit or CharClass.ExtendedDigit;

    private static CharClass[] Build()
    {
        var t = new CharClass[65536];
        for (int i = 0; i < t.Length; i++)
        {
            t[i] = FromUnicode((char)i);
        }

        FillArabic(t);
        Fill(t, 'A', 'Z', CharClass.LatinLetter);
        Fill(t, 'a', 'z', CharClass.LatinLetter);
        Fill(t, '0', '9', CharClass.AsciiDigit);
        t['.'] = CharClass.Terminal;
        t['!'] = CharClass.Terminal;
        t['?'] = CharClass.Terminal;
        t[0x2026] = CharClass.Terminal; // … horizontal ellipsis
        t[0x203C] = CharClass.Terminal; // ‼
        t[0x2047] = CharClass.Terminal; // ⁇
        t[0x2048] = CharClass.Terminal; // ⁈
        t[0x2049] = CharClass.Terminal; // ⁉
        t[0xFF0E] = CharClass.Terminal; // ．
        t[0xFF01] = CharClass.Terminal; // ！
        t[0xFF1F] = CharClass.Terminal; // ？
        t[0x3002] = CharClass.Terminal; // 。

        foreach (var c in "\u201C\u00AB\u2018\u201E\u201A\u2039\u201F\u201B\u300C\u300E\u301D\uFE41\uFE43")
        {
            t[c] = CharClass.QuoteOpen;
        }

        foreach (var c in "\u201D\u00BB\u2019\u203A\u300D\u300F\u301E\u301F\uFE42\uFE44")
        {
            t[c] = CharClass.QuoteClose;
        }

        foreach (var c in "\"'\uFF02\uFF07\u2033\u02BA")
        {
            t[c] = CharClass.QuoteAmbiguous;
        }

        foreach (var c in "\n\r\u000B\u000C\u0085\u2028\u2029")
        {
            t[c] = CharClass.Newline;
        }

        foreach (var c in "\u200E\u200F\u061C\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFEFF\u200B\u2060\u00AD")
        {
            t[c] = CharClass.Ignorable;
        }

        t[0x200C] = CharClass.Joiner;
        t[0x200D] = CharClass.Joiner;
        Fill(t, 0xD800, 0xDBFF, CharClass.HighSurrogate);
        Fill(t, 0xDC00, 0xDFFF, CharClass.LowSurrogate);
        return t;
    }

    /// <summary>The Arabic block and its extensions: letters, marks, tatweel, digits, punctuation.</summary>
    private static void FillArabic(CharClass[] t)
    {
        Fill(t, 0x0621, 0x063A, CharClass.ArabicLetter);
        Fill(t, 0x0641, 0x064A, CharClass.ArabicLetter);
        Fill(t, 0x066E, 0x066F, CharClass.ArabicLetter);
        Fill(t, 0x0671, 0x06D3, CharClass.ArabicLetter);
        t[0x06D5] = CharClass.ArabicLetter;
        Fill(t, 0x06EE, 0x06EF, CharClass.ArabicLetter);
        Fill(t, 0x06FA, 0x06FC, CharClass.ArabicLetter);
        t[0x06FF] = CharClass.ArabicLetter;
        Fill(t, 0x0750, 0x077F, CharClass.ArabicLetter);
        Fill(t, 0x08A0, 0x08C9, CharClass.ArabicLetter);
        Fill(t, 0x0610, 0x061A, CharClass.ArabicMark);
        Fill(t, 0x064B, 0x065F, CharClass.ArabicMark);
        t[0x0670] = CharClass.ArabicMark;
        Fill(t, 0x06D6, 0x06DC, CharClass.ArabicMark);
        Fill(t, 0x06DF, 0x06E8, CharClass.ArabicMark);
        Fill(t, 0x06EA, 0x06ED, CharClass.ArabicMark);
        Fill(t, 0x08CA, 0x08FF, CharClass.ArabicMark);
        t[0x0640] = CharClass.Tatweel;
        Fill(t, 0x0660, 0x0669, CharClass.ArabicIndicDigit);
        Fill(t, 0x06F0, 0x06F9, CharClass.ExtendedDigit);
        Fill(t, 0xFB50, 0xFDFF, CharClass.ArabicLetter);
        Fill(t, 0xFE70, 0xFEFC, CharClass.ArabicLetter);
        Fill(t, 0xFDF0, 0xFDFD, CharClass.ArabicLetter);
        t[0x060C] = CharClass.Punctuation; // ، Arabic comma
        t[0x061B] = CharClass.Punctuation; // ؛ Arabic semicolon
        t[0x061F] = CharClass.Terminal;    // ؟ Arabic question mark
        t[0x06D4] = CharClass.Terminal;    // ۔ Urdu full stop
        t[0x066A] = CharClass.Punctuation; // ٪ Arabic percent
        t[0x066B] = CharClass.Punctuation; // ٫ decimal separator (inside numbers it joins the digits)
        t[0x066C] = CharClass.Punctuation; // ٬ thousands separator
        t[0x066D] = CharClass.Punctuation; // ٭ five-pointed star
    }

    private static CharClass FromUnicode(char c)
    {
        if (char.IsWhiteSpace(c))
        {
            return CharClass.Space;
        }

        switch (char.GetUnicodeCategory(c))
        {
            case System.Globalization.UnicodeCategory.UppercaseLetter:
            case System.Globalization.UnicodeCategory.LowercaseLetter:
            case System.Globalization.UnicodeCategory.TitlecaseLetter:
            case System.Globalization.UnicodeCategory.ModifierLetter:
                return c < 0x0250 ? CharClass.LatinLetter : CharClass.OtherLetter;
            case System.Globalization.UnicodeCategory.OtherLetter:
                return CharClass.OtherLetter;
            case System.Globalization.UnicodeCategory.NonSpacingMark:
            case System.Globalization.UnicodeCategory.SpacingCombiningMark:
            case System.Globalization.UnicodeCategory.EnclosingMark:
                return CharClass.CombiningMark;
            case System.Globalization.UnicodeCategory.DecimalDigitNumber:
                return CharClass.OtherLetter;
            case System.Globalization.UnicodeCategory.ConnectorPunctuation:
            case System.Globalization.UnicodeCategory.DashPunctuation:
            case System.Globalization.UnicodeCategory.OpenPunctuation:
            case System.Globalization.UnicodeCategory.ClosePunctuation:
            case System.Globalization.UnicodeCategory.OtherPunctuation:
            case System.Globalization.UnicodeCategory.InitialQuotePunctuation:
            case System.Globalization.UnicodeCategory.FinalQuotePunctuation:
                return CharClass.Punctuation;
            case System.Globalization.UnicodeCategory.MathSymbol:
            case System.Globalization.UnicodeCategory.CurrencySymbol:
            case System.Globalization.UnicodeCategory.ModifierSymbol:
            case System.Globalization.UnicodeCategory.OtherSymbol:
                return CharClass.Symbol;
            default:
                return CharClass.Other;
        }
    }

    private static void Fill(CharClass[] t, int from, int to, CharClass value) =>
        t.AsSpan(from, to - from + 1).Fill(value);
}
