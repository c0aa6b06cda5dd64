using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Engine.Lexing.Internal;

namespace Engine.Lexing;

/// <summary>The tokenizer's scanners: one per kind of token, each returning where its token ends.</summary>
public ref partial struct Tokenizer
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static CharClass Class(char c) =>
        Unsafe.Add(ref MemoryMarshal.GetReference(CharClasses.All), c);

    /// <summary>Word flags contributed by each character of U+0621..U+0652, plus <see cref="LetterBit"/> for letters.</summary>
    private static readonly ushort[] ArabicCore =
    [
        // U+0621..U+0627: ء آ أ ؤ إ ئ ا
        LetterBit, LetterBit | Variant, LetterBit | Variant, LetterBit, LetterBit | Variant, LetterBit, LetterBit,
        // U+0628..U+063A: ب ة ت … غ
        LetterBit, LetterBit | Variant, LetterBit, LetterBit, LetterBit, LetterBit, LetterBit, LetterBit, LetterBit, LetterBit,
        LetterBit, LetterBit, LetterBit, LetterBit, LetterBit, LetterBit, LetterBit, LetterBit, LetterBit,
        // U+063B..U+063F: Keheh and other letters of Arabic-script languages
        LetterBit, LetterBit, LetterBit, LetterBit, LetterBit,
        // U+0640 tatweel
        (ushort)TokenFlags.HasTatweel,
        // U+0641..U+064A: ف ق ك ل م ن ه و ى ي
        LetterBit, LetterBit, LetterBit, LetterBit, LetterBit, LetterBit, LetterBit, LetterBit, LetterBit | Variant, LetterBit,
        // U+064B..U+0652: tanween, harakat, shadda, sukun
        Mark, Mark, Mark, Mark, Mark, Mark, Mark, Mark,
    ];

    private const ushort LetterBit = 0x8000;
    private const ushort Variant = (ushort)TokenFlags.HasVariantLetter;
    private const ushort Mark = (ushort)TokenFlags.HasDiacritics;

    private static int ScanArabic(ReadOnlySpan<char> text, int i, out TokenFlags flags, out bool hasLetter)
    {
        // A static array, not a span over literal data: the latter is re-created per call in unoptimized builds.
        ReadOnlySpan<ushort> core = ArabicCore;
        uint bits = 0;
        for (; i < text.Length; i++)
        {
            char ch = text[i];
            uint offset = (uint)ch - 0x0621;
            if (offset < (uint)core.Length)
            {
                // The common case: one table load per character, no branch on its kind.
                bits |= core[(int)offset];
                continue;
            }

            switch (Class(ch))
            {
                case CharClass.ArabicLetter:
                    bits |= LetterBit | (ch == '\u0671' ? Variant : 0u);
                    continue;
                case CharClass.ArabicMark:
                    bits |= Mark;
                    continue;
                case CharClass.CombiningMark when (bits & LetterBit) != 0:
                    bits |= Mark;
                    continue;
                case CharClass.Tatweel:
                    bits |= (uint)TokenFlags.HasTatweel;
                    continue;
                case CharClass.Joiner:
                    bits |= (uint)TokenFlags.HasJoiner;
                    continue;
            }

            break;
        }

        hasLetter = (bits & LetterBit) != 0;
        flags = (TokenFlags)(bits & ~(uint)LetterBit);
        return i;
    }

    private static bool IsLatinWordChar(CharClass c) =>
        c is CharClass.LatinLetter or CharClass.OtherLetter or CharClass.CombiningMark
            or CharClass.AsciiDigit or CharClass.Joiner;

    private static int ScanLatinStart(ReadOnlySpan<char> text, int i, out TokenKind kind, out TokenFlags flags)
    {
        flags = TokenFlags.None;
        if (StartsUrl(text, i))
        {
            kind = TokenKind.Url;
            return ScanUrl(text, i);
        }

        int end = ScanLatinWord(text, i, out bool upper);
        if (end < text.Length && text[end] == '@')
        {
            int email = ScanEmail(text, i);
            if (email > end)
            {
                kind = TokenKind.Email;
                return email;
            }
        }

        kind = TokenKind.LatinWord;
        if (upper)
        {
            flags = TokenFlags.UpperCase;
        }

        return end;
    }

    private static int ScanLatinWord(ReadOnlySpan<char> text, int i, out bool upper)
    {
        bool sawLower = false;
        bool sawUpper = false;
        int n = text.Length;
        while (i < n)
        {
            char ch = text[i];
            CharClass c = Class(ch);
            if (IsLatinWordChar(c))
            {
                sawLower |= char.IsAsciiLetterLower(ch);
                sawUpper |= char.IsAsciiLetterUpper(ch);
                i++;
                continue;
            }

            // Inner apostrophes and hyphens join letters (don't, O'Brien, al-Qaeda).
            if ((ch is '\'' or '\u2019' or '-' or '\u2010') && i + 1 < n && Class(text[i + 1]) is CharClass.LatinLetter or CharClass.OtherLetter)
            {
                i += 2;
                continue;
            }

            break;
        }

        upper = sawUpper && !sawLower;
        return i;
    }

    private static bool StartsUrl(ReadOnlySpan<char> text, int i)
    {
        ReadOnlySpan<char> rest = text[i..];
        return rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 4 && Class(rest[4]) is CharClass.LatinLetter or CharClass.AsciiDigit);
    }

    private static int ScanUrl(ReadOnlySpan<char> text, int i)
    {
        int n = text.Length;
        while (i < n)
        {
            CharClass c = Class(text[i]);
            if (c is CharClass.Space or CharClass.Newline or CharClass.Ignorable or CharClass.QuoteOpen
                or CharClass.QuoteClose or CharClass.QuoteAmbiguous || text[i] is '<' or '>')
            {
                break;
            }

            i++;
        }

        // Trailing punctuation belongs to the sentence, not to the address.
        while (text[i - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '\u060C' or '\u061B' or '\u061F')
        {
            i--;
        }

        return i;
    }

    private static bool IsEmailLocal(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    private static int ScanEmail(ReadOnlySpan<char> text, int start)
    {
        int i = start;
        int n = text.Length;
        while (i < n && IsEmailLocal(text[i]))
        {
            i++;
        }

        if (i == start || i >= n || text[i] != '@')
        {
            return start;
        }

        i++;
        int domainStart = i;
        int lastDot = -1;
        while (i < n && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '.'))
        {
            if (text[i] == '.')
            {
                lastDot = i;
            }

            i++;
        }

        while (i > domainStart && text[i - 1] == '.')
        {
            i--;
        }

        return lastDot > domainStart && lastDot < i - 1 ? i : start;
    }

    private static int ScanNumberOrEmail(ReadOnlySpan<char> text, int i, out TokenKind kind, out TokenFlags flags)
    {
        int end = ScanNumber(text, i, out flags);
        if (end < text.Length && (text[end] == '@' || char.IsAsciiLetter(text[end])) && char.IsAsciiDigit(text[i]))
        {
            int email = ScanEmail(text, i);
            if (email > end)
            {
                kind = TokenKind.Email;
                flags = TokenFlags.None;
                return email;
            }
        }

        kind = TokenKind.Number;
        return end;
    }

    private static int ScanNumber(ReadOnlySpan<char> text, int i, out TokenFlags flags)
    {
        flags = TokenFlags.None;
        int n = text.Length;
        while (true)
        {
            while (i < n && Class(text[i]) is CharClass.AsciiDigit or CharClass.ArabicIndicDigit or CharClass.ExtendedDigit)
            {
                if (text[i] > '9')
                {
                    flags |= TokenFlags.ArabicDigits;
                }

                i++;
            }

            // A separator joins digits only when a digit follows it: 2.5, 2,500, ٢٫٥, 2021/7/26, 10:30.
            if (i + 1 < n && CharClasses.IsDigit(Class(text[i + 1])))
            {
                switch (text[i])
                {
                    case '.' or ',' or '\u066B' or '\u066C':
                        flags |= TokenFlags.HasSeparator;
                        i++;
                        continue;
                    case '/':
                        flags |= TokenFlags.Date;
                        i++;
                        continue;
                    case ':':
                        i++;
                        continue;
                }
            }

            return i;
        }
    }

    private static int ScanTerminal(ReadOnlySpan<char> text, int i, out TokenFlags flags)
    {
        flags = TokenFlags.SentenceTerminal;
        char ch = text[i];
        if (ch == '\u2026')
        {
            flags |= TokenFlags.Ellipsis;
            return i + 1;
        }

        if (ch == '.')
        {
            int j = i + 1;
            while (j < text.Length && text[j] == '.')
            {
                j++;
            }

            if (j - i >= 2)
            {
                flags |= TokenFlags.Ellipsis;
            }

            return j;
        }

        return i + 1;
    }

    private static int ScanPunctuation(ReadOnlySpan<char> text, int i, out TokenKind kind, out TokenFlags flags)
    {
        flags = TokenFlags.None;
        char ch = text[i];
        if (i + 1 < text.Length)
        {
            CharClass next = Class(text[i + 1]);
            if (ch == '#' && (CharClasses.IsLetterOrDigit(next) || text[i + 1] == '_'))
            {
                kind = TokenKind.Hashtag;
                return ScanHandle(text, i + 1, allowAnyScript: true);
            }

            if (ch == '@' && (char.IsAsciiLetterOrDigit(text[i + 1]) || text[i + 1] == '_'))
            {
                kind = TokenKind.Mention;
                return ScanHandle(text, i + 1, allowAnyScript: false);
            }
        }

        kind = TokenKind.Punctuation;
        return i + 1;
    }

    private static int ScanHandle(ReadOnlySpan<char> text, int i, bool allowAnyScript)
    {
        int n = text.Length;
        while (i < n)
        {
            char ch = text[i];
            CharClass c = Class(ch);
            bool ok = ch == '_' || char.IsAsciiLetterOrDigit(ch)
                || (allowAnyScript && (CharClasses.IsLetterOrDigit(c) || c is CharClass.ArabicMark or CharClass.Tatweel or CharClass.Joiner));
            if (!ok)
            {
                break;
            }

            i++;
        }

        return i;
    }

    private static int ScanLineBreak(ReadOnlySpan<char> text, int i, out TokenFlags flags, out int scanned)
    {
        int n = text.Length;
        int breaks = 0;
        int end = i;
        while (i < n)
        {
            char ch = text[i];
            CharClass c = Class(ch);
            if (c == CharClass.Newline)
            {
                // CR LF is one line break.
                if (!(ch == '\n' && i > 0 && text[i - 1] == '\r'))
                {
                    breaks++;
                }

                i++;
                end = i;
            }
            else if (c is CharClass.Space or CharClass.Ignorable)
            {
                i++;
            }
            else
            {
                break;
            }
        }

        scanned = i;
        flags = breaks >= 2 ? TokenFlags.BlankLine : TokenFlags.None;
        return end;
    }
}
