using System.Collections.Frozen;
using Engine.Buffers;
using Engine.Lexing;
using Engine.Text;

namespace Engine.Sentences;

/// <summary>
/// Splits a tokenized text into sentences. A sentence ends at a terminator (. ! ? ؟) or at a line
/// break; it does not end at a decimal point or a date (the tokenizer keeps those inside the
/// number), after an abbreviation (د. أ. م. Dr. U.S.), at an ellipsis, or inside a short
/// quotation. Closing quote marks and brackets right after the terminator stay with the sentence.
/// Leading short lines without terminal punctuation are the title and headings.
/// </summary>
public static partial class SentenceSplitter
{
    private static readonly FrozenSet<string> LatinAbbreviations = new[]
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp", "no", "gen", "col",
        "lt", "sgt", "capt", "gov", "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "fig", "vol", "pp", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LatinAbbreviationLookup =
        LatinAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Splits <paramref name="text"/>, whose tokens are <paramref name="tokens"/> (from
    /// <see cref="Tokenizer.Tokenize(ReadOnlySpan{char}, System.Buffers.IBufferWriter{Token}, CancellationToken)"/>),
    /// writing its sentences to <paramref name="sentences"/>; returns how many it wrote.
    /// </summary>
    public static int Split(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, System.Buffers.IBufferWriter<Sentence> sentences, SentenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        using var list = new PooledList<Sentence>(Math.Max(16, tokens.Length / 16));
        Split(text, tokens, list, options);
        list.Span.CopyTo(sentences.GetSpan(list.Count));
        sentences.Advance(list.Count);
        return list.Count;
    }

    /// <summary>
    /// Splits <paramref name="text"/>, whose tokens are <paramref name="tokens"/>, appending to
    /// <paramref name="sentences"/>; returns one past the last paragraph number it used. A long text is split section
    /// by section (<see cref="TextSections"/>), each as if it were a text of its own, so splitting a
    /// section alone gives its part of the whole text's sentences.
    /// </summary>
    internal static int Split(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, PooledList<Sentence> sentences, SentenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        options ??= SentenceOptions.Default;
        int end = TextSections.End(text, 0);
        if (end >= text.Length)
        {
            return SplitSection(text, tokens, sentences, options, atDocumentStart: true);
        }

        Token[] local = EnginePools.Arrays<Token>().Rent(tokens.Length);
        try
        {
            int start = 0;
            int firstToken = 0;
            int paragraphs = 0;
            while (true)
            {
                int endToken = firstToken;
                while (endToken < tokens.Length && tokens[endToken].Start < end)
                {
                    local[endToken - firstToken] = tokens[endToken] with { Start = tokens[endToken].Start - start };
                    endToken++;
                }

                int before = sentences.Count;
                int sectionParagraphs = SplitSection(text[start..end], local.AsSpan(0, endToken - firstToken), sentences, options, atDocumentStart: start == 0);
                Span<Sentence> added = sentences.Span[before..];
                for (int k = 0; k < added.Length; k++)
                {
                    added[k] = added[k].Shifted(start, firstToken, paragraphs);
                }

                paragraphs += sectionParagraphs;
                if (end >= text.Length)
                {
                    return paragraphs;
                }

                (start, firstToken) = (end, endToken);
                end = TextSections.End(text, start);
            }
        }
        finally
        {
            EnginePools.Arrays<Token>().Return(local);
        }
    }

    /// <summary>
    /// Splits one section (or the whole of a short text); only at the document's start can leading
    /// lines be the title. Returns one past the last paragraph number it used, where the next
    /// section's paragraphs start.
    /// </summary>
    internal static int SplitSection(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, PooledList<Sentence> sentences, SentenceOptions options, bool atDocumentStart, CancellationToken cancellationToken = default)
    {
        int firstOfDocument = sentences.Count;
        int paragraph = 0;
        int start = -1;
        int openQuote = -1;
        bool hardWrapped = IsHardWrapped(text, tokens);
        for (int i = 0; i < tokens.Length; i++)
        {
            if ((i & 8191) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested(); // a section may be millions of tokens
            }

            Token t = tokens[i];
            if (t.Kind == TokenKind.LineBreak && hardWrapped && (t.Flags & TokenFlags.BlankLine) == 0)
            {
                continue; // a wrap inside a paragraph, not the end of one
            }

            if (t.Kind == TokenKind.LineBreak)
            {
                if (start >= 0)
                {
                    sentences.Add(Make(tokens, start, i - 1, paragraph));
                    start = -1;
                }

                paragraph++;
                openQuote = -1;
                continue;
            }

            if (start < 0)
            {
                start = i;
            }

            if (t.Kind == TokenKind.QuoteMark)
            {
                openQuote = UpdateQuote(text, tokens, openQuote, i);
                continue;
            }

            if (!t.IsTerminal || ((t.Flags & TokenFlags.Ellipsis) != 0 && !EndsWithTwoDots(text, tokens, i, openQuote))
                || IsAbbreviation(text, tokens, i) || IsGluedAbbreviation(text, tokens, i))
            {
                continue;
            }

            // Inside a short quotation the stop is the speaker's, not ours, unless the quotation ends right there (.”).
            if (openQuote >= 0 && !ClosesRightAfter(tokens, i) && IsShortQuote(tokens, openQuote, i, options.MaxShortQuoteWords))
            {
                continue;
            }

            int last = ExtendOverClosers(text, tokens, i, ref openQuote);
            sentences.Add(Make(tokens, start, last, paragraph));
            start = -1;
            i = last;
        }

        if (start >= 0)
        {
            sentences.Add(Make(tokens, start, tokens.Length - 1, paragraph));
        }

        MarkHeadings(text, tokens, sentences.Span[firstOfDocument..], options, atDocumentStart);
        Boilerplate.Mark(text, tokens, sentences.Span[firstOfDocument..]);
        return paragraph + 1;
    }

    /// <summary>
    /// Whether ".." outside a quotation ends a sentence: news uses two dots to join clauses that are
    /// sentences of their own (… 80%.. وقالت مصادر …). Three dots or more stay an ellipsis.
    /// </summary>
    private static bool EndsWithTwoDots(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i, int openQuote)
    {
        Token t = tokens[i];
        return openQuote < 0 && t.Length == 2 && text[t.Start] == '.'
            && i + 1 < tokens.Length && tokens[i + 1].Start > t.End && tokens[i + 1].IsWord;
    }

    /// <summary>A dot between two short words with no space (بي.بي، أ.ف.ب، د.ب.أ): an abbreviation, not a sentence end.</summary>
    private static bool IsGluedAbbreviation(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i)
    {
        Token dot = tokens[i];
        if (dot.Length != 1 || text[dot.Start] != '.' || i == 0 || i + 1 >= tokens.Length)
        {
            return false;
        }

        Token prev = tokens[i - 1];
        Token next = tokens[i + 1];
        return prev.End == dot.Start && next.Start == dot.End && prev.IsWord && next.IsWord
            && LetterCount(text.Slice(prev.Start, prev.Length)) <= MaxAbbreviationLetters
            && LetterCount(text.Slice(next.Start, next.Length)) <= MaxAbbreviationLetters;
    }

    /// <summary>The longest piece of a dotted abbreviation (بي.بي.سي).</summary>
    private const int MaxAbbreviationLetters = 3;

    /// <summary>
    /// Whether the text is hard-wrapped: most of its line breaks fall mid-sentence (the line before
    /// ends without terminal punctuation). Then only blank lines separate paragraphs.
    /// </summary>
    private static bool IsHardWrapped(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        int breaks = 0;
        int midSentence = 0;
        for (int i = 1; i < tokens.Length; i++)
        {
            if (tokens[i].Kind != TokenKind.LineBreak || (tokens[i].Flags & TokenFlags.BlankLine) != 0 || tokens[i - 1].Kind == TokenKind.LineBreak)
            {
                continue;
            }

            breaks++;
            int k = i - 1;
            while (k > 0 && (tokens[k].Kind == TokenKind.QuoteMark || (tokens[k].Kind == TokenKind.Punctuation && text[tokens[k].Start] is ')' or ']')))
            {
                k--;
            }

            if (!tokens[k].IsTerminal || (tokens[k].Flags & TokenFlags.Ellipsis) != 0)
            {
                midSentence++;
            }
        }

        return breaks >= 3 && midSentence * 5 >= breaks * 3;
    }

    private static Sentence Make(ReadOnlySpan<Token> tokens, int first, int last, int paragraph)
    {
        Token a = tokens[first];
        Token b = tokens[last];
        return new Sentence(a.Start, b.End, first, last - first + 1, paragraph, SentenceKind.Body);
    }

    private static void MarkHeadings(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<Sentence> sentences, SentenceOptions options, bool atDocumentStart)
    {
        bool inHeader = atDocumentStart;
        for (int s = 0; s < sentences.Length; s++)
        {
            Sentence sentence = sentences[s];
            bool wholeParagraph = (s == 0 || sentences[s - 1].Paragraph != sentence.Paragraph)
                && (s + 1 == sentences.Length || sentences[s + 1].Paragraph != sentence.Paragraph);
            bool unterminated = wholeParagraph && !EndsWithTerminal(text, tokens, sentence);
            int words = unterminated ? CountWords(tokens, sentence) : 0;
            bool hasMore = s + 1 < sentences.Length;
            if (inHeader && unterminated && hasMore && words <= options.MaxTitleWords)
            {
                sentences[s] = sentence with { Kind = s == 0 ? SentenceKind.Title : SentenceKind.Heading };
                continue;
            }

            inHeader = false;
            if (unterminated && hasMore && words <= options.MaxHeadingWords && (s > 0 || !atDocumentStart))
            {
                sentences[s] = sentence with { Kind = SentenceKind.Heading };
            }
        }
    }

    private static bool EndsWithTerminal(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Sentence sentence)
    {
        for (int k = sentence.FirstToken + sentence.TokenCount - 1; k >= sentence.FirstToken; k--)
        {
            Token t = tokens[k];
            if (t.Kind == TokenKind.QuoteMark || (t.Kind == TokenKind.Punctuation && text[t.Start] is ')' or ']'))
            {
                continue;
            }

            return t.IsTerminal && (t.Flags & TokenFlags.Ellipsis) == 0;
        }

        return false;
    }

    private static int CountWords(ReadOnlySpan<Token> tokens, Sentence sentence)
    {
        int words = 0;
        foreach (Token t in tokens.Slice(sentence.FirstToken, sentence.TokenCount))
        {
            if (t.IsWord || t.Kind == TokenKind.Number)
            {
                words++;
            }
        }

        return words;
    }
}
