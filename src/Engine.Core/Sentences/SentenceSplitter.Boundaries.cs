using Engine.Lexing;

namespace Engine.Sentences;

/// <summary>Where a sentence may end: quotations and the marks that close them, abbreviations and their dots.</summary>
public static partial class SentenceSplitter
{
    /// <summary>Tracks the innermost open quote mark; returns its token index or -1.</summary>
    private static int UpdateQuote(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int openQuote, int i)
    {
        Token t = tokens[i];
        bool canOpen = (t.Flags & TokenFlags.QuoteOpen) != 0;
        bool canClose = (t.Flags & TokenFlags.QuoteClose) != 0;
        if (canOpen && canClose && !IsApostrophe(text, tokens, i))
        {
            // An ambiguous mark (") takes its direction from what it touches, as quote pairing does.
            bool gluedAfter = i + 1 < tokens.Length && tokens[i + 1].Start == t.End && tokens[i + 1].IsWord;
            bool gluedBefore = i > 0 && tokens[i - 1].End == t.Start && tokens[i - 1].Kind != TokenKind.QuoteMark;
            if (gluedAfter != gluedBefore)
            {
                return gluedAfter ? i : -1;
            }
        }

        if (openQuote >= 0 && canClose)
        {
            // An ambiguous mark closes only a quotation opened by the same character.
            if (canOpen && text[tokens[openQuote].Start] != text[t.Start])
            {
                return openQuote;
            }

            return -1;
        }

        return canOpen && !IsApostrophe(text, tokens, i) ? i : openQuote;
    }

    private static bool IsApostrophe(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i)
    {
        // A lone ' glued to a word on its left (the Arabs' transliterations: qur'an) is not a quote mark.
        Token t = tokens[i];
        return text[t.Start] == '\'' && i > 0 && tokens[i - 1].End == t.Start && tokens[i - 1].IsWord;
    }

    private static bool ClosesRightAfter(ReadOnlySpan<Token> tokens, int i)
    {
        while (i + 1 < tokens.Length && tokens[i + 1].Start == tokens[i].End)
        {
            i++;
            if (tokens[i].CanCloseQuote)
            {
                return true;
            }

            if (!tokens[i].IsTerminal)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsShortQuote(ReadOnlySpan<Token> tokens, int open, int at, int maxWords)
    {
        int words = 0;
        for (int j = open + 1; j < tokens.Length; j++)
        {
            Token t = tokens[j];
            if (t.Kind == TokenKind.LineBreak)
            {
                return false;
            }

            if (t.IsWord || t.Kind == TokenKind.Number)
            {
                if (++words > maxWords)
                {
                    return false;
                }
            }
            else if (j > at && t.CanCloseQuote)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i)
    {
        Token dot = tokens[i];
        if (dot.Length != 1 || text[dot.Start] != '.' || i == 0)
        {
            return false;
        }

        Token prev = tokens[i - 1];
        if (prev.End != dot.Start)
        {
            return false;
        }

        if (prev.Kind == TokenKind.ArabicWord)
        {
            // د. محمد, أ. د. — but not "عام 1770 م." at the end of a sentence.
            if (LetterCount(text.Slice(prev.Start, prev.Length)) != 1)
            {
                return false;
            }

            bool afterNumber = i >= 2 && tokens[i - 2].Kind == TokenKind.Number;
            bool nameFollows = i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.ArabicWord;
            return nameFollows && !afterNumber;
        }

        if (prev.Kind == TokenKind.LatinWord)
        {
            ReadOnlySpan<char> word = text.Slice(prev.Start, prev.Length);
            if (word.Length == 1 && char.IsAsciiLetterUpper(word[0]))
            {
                return true; // an initial: J. Smith
            }

            // U.S. / e.g.: the letters before the previous dots belong to the same abbreviation.
            int s = prev.Start;
            int k = i - 1;
            while (k >= 2 && tokens[k - 1].End == tokens[k].Start && text[tokens[k - 1].Start] == '.' && tokens[k - 2].End == tokens[k - 1].Start)
            {
                k -= 2;
                s = tokens[k].Start;
            }

            return LatinAbbreviationLookup.Contains(text[s..prev.End]);
        }

        return false;
    }

    private static int LetterCount(ReadOnlySpan<char> word)
    {
        int n = 0;
        foreach (char c in word)
        {
            if (!ArabicNormalizer.IsRemoved(c))
            {
                n++;
            }
        }

        return n;
    }

    private static int ExtendOverClosers(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i, ref int openQuote)
    {
        int last = i;
        while (last + 1 < tokens.Length)
        {
            Token next = tokens[last + 1];
            if (next.Start != tokens[last].End)
            {
                break; // only what is glued to the terminator: .” ؟! .)
            }

            bool closer = next.IsTerminal
                || (next.CanCloseQuote && (openQuote >= 0 || (next.Flags & TokenFlags.QuoteOpen) == 0))
                || (next.Kind == TokenKind.Punctuation && text[next.Start] is ')' or ']' or '}');
            if (!closer)
            {
                break;
            }

            if (next.Kind == TokenKind.QuoteMark)
            {
                openQuote = -1;
            }

            last++;
        }

        return last;
    }
}
