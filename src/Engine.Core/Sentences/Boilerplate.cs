using Engine.Lexing;

namespace Engine.Sentences;

/// <summary>
/// Recognises the outlet's furniture among a text's sentences: bylines and credits (عين اليوم –
/// متابعات، داليا أبوالعيش – عين اليوم)، tag lines (سمات …)، link lines (رابط الخبر …)، datelines and
/// wire trailers (جيزان 25 شوال 1436هـ … واس، // انتهى //، 17:06 ت م), and lines of marks without a
/// word (***). Each test reads one sentence
/// alone, so a section of a long text decides exactly as the whole text would.
/// </summary>
internal static class Boilerplate
{
    /// <summary>A byline or dateline is a short line; a longer one is story.</summary>
    private const int MaxBylineWords = 12;

    /// <summary>A tag line lists a handful of words.</summary>
    private const int MaxTagWords = 15;

    /// <summary>Words that open a tag or link line.</summary>
    private static readonly string[] LineOpeners = ["سمات", "الوسوم", "وسوم", "رابط الخبر", "رابط المقال", "اقرأ أيضا", "اقرأ أيضاً", "اقرأ المزيد", "Tags"];

    /// <summary>Credits and agency tags that make a short unterminated line a byline or a dateline.</summary>
    private static readonly string[] CreditWords = ["متابعات", "متابعة", "واس", "وكالات", "Next Previous", "عين اليوم", "سبق", "كونا", "وام", "قنا", "بنا"];

    public static void Mark(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<Sentence> sentences)
    {
        for (int s = 0; s < sentences.Length; s++)
        {
            Sentence sentence = sentences[s];
            if (Is(text, tokens, sentence))
            {
                sentences[s] = sentence with { Kind = SentenceKind.Boilerplate };
            }
        }
    }

    private static bool Is(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Sentence sentence)
    {
        ReadOnlySpan<Token> own = tokens.Slice(sentence.FirstToken, sentence.TokenCount);
        ReadOnlySpan<char> line = text[sentence.Start..sentence.End].Trim();
        int words = 0;
        bool terminated = false;
        bool digits = false;
        foreach (Token t in own)
        {
            words += t.IsWord ? 1 : 0;
            digits |= t.Kind == TokenKind.Number;
            terminated = t.IsTerminal && (t.Flags & TokenFlags.Ellipsis) == 0;
        }

        // ***، ـــــ، «««: marks and punctuation without a word or a number say nothing.
        if (words == 0 && !digits)
        {
            return true;
        }

        foreach (string opener in LineOpeners)
        {
            if (line.StartsWith(opener, StringComparison.Ordinal) && (words <= MaxTagWords || line[opener.Length..].TrimStart().StartsWith(":", StringComparison.Ordinal)))
            {
                return !terminated || opener.StartsWith("رابط", StringComparison.Ordinal) || opener.StartsWith("اقرأ", StringComparison.Ordinal);
            }
        }

        // // انتهى // and the like: nothing but the word and slashes.
        if (words <= 1 && line.Contains("انتهى", StringComparison.Ordinal))
        {
            return true;
        }

        // 17:06 ت م: a time stamp and at most a zone.
        if (words <= 2 && digits && line.Contains(':') && !terminated && own.Length <= 6)
        {
            return true;
        }

        if (terminated || words > MaxBylineWords)
        {
            return false;
        }

        // A short unterminated line that carries a credit or an agency tag: a byline or a dateline.
        foreach (string credit in CreditWords)
        {
            int at = line.IndexOf(credit, StringComparison.Ordinal);
            if (at >= 0 && (at == 0 || !char.IsLetter(line[at - 1])) && (at + credit.Length == line.Length || !char.IsLetter(line[at + credit.Length])))
            {
                return words <= 6 || line.EndsWith(credit, StringComparison.Ordinal);
            }
        }

        return false;
    }
}
