using Engine.Lexing;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Lexing;

public class TokenizerTests
{
    private static Token Single(string text)
    {
        Token[] tokens = Lex.Tokens(text);
        Assert.Single(tokens);
        return tokens[0];
    }

    [Fact]
    public void Tokenize_Seed_FindsEveryCurlyQuoteMarkWithItsDirection()
    {
        string seed = TestData.Seed;
        Token[] marks = Lex.Tokens(seed).Where(t => t.Kind == TokenKind.QuoteMark).ToArray();

        Assert.Equal(12, marks.Length);
        Assert.Equal(6, marks.Count(t => seed[t.Start] == '“' && t.Flags == TokenFlags.QuoteOpen));
        Assert.Equal(6, marks.Count(t => seed[t.Start] == '”' && t.Flags == TokenFlags.QuoteClose));
        // Opening and closing marks alternate through the article.
        for (int i = 0; i < marks.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? '“' : '”', seed[marks[i].Start]);
        }
    }

    [Fact]
    public void Tokenize_Seed_Keeps2500AsOneNumber()
    {
        string seed = TestData.Seed;
        Token[] tokens = Lex.Tokens(seed);
        int at = seed.IndexOf("2500", StringComparison.Ordinal);

        Token number = Assert.Single(tokens, t => t.Start == at);
        Assert.Equal(TokenKind.Number, number.Kind);
        Assert.Equal(4, number.Length);
        Assert.Equal("عسكري", Lex.Texts(seed, tokens.Where(t => t.Start > at).Take(1)).Single());
    }

    [Fact]
    public void Tokenize_Seed_SplitsTheArabicCommaFromTheWordBeforeIt()
    {
        string seed = TestData.Seed;
        Token[] tokens = Lex.Tokens(seed);
        Token[] commas = tokens.Where(t => t.Kind == TokenKind.Punctuation && seed[t.Start] == '،').ToArray();

        Assert.Equal(seed.Count(c => c == '،'), commas.Length);
        int first = seed.IndexOf("واشنطن، داعش", StringComparison.Ordinal);
        Assert.Contains(tokens, t => t.Start == first && t.Length == "واشنطن".Length && t.Kind == TokenKind.ArabicWord);
        Assert.Contains(commas, t => t.Start == first + "واشنطن".Length);
    }

    [Fact]
    public void Tokenize_Seed_EndsEveryParagraphWithALineBreak()
    {
        string seed = TestData.Seed;
        Token[] breaks = Lex.Tokens(seed).Where(t => t.Kind == TokenKind.LineBreak).ToArray();

        // 21 lines of text, one of them followed by a blank line; the last line has no break after it.
        Assert.Equal(seed.TrimEnd().Split('\n').Length - 2, breaks.Length);
        Assert.Single(breaks, t => (t.Flags & TokenFlags.BlankLine) != 0);
    }

    [Theory]
    [InlineData("المتّحدة", TokenFlags.HasDiacritics | TokenFlags.HasVariantLetter)]
    [InlineData("الإستراتيجي", TokenFlags.HasVariantLetter)]
    [InlineData("استُهدفت", TokenFlags.HasDiacritics)]
    [InlineData("تسـعة", TokenFlags.HasTatweel | TokenFlags.HasVariantLetter)]
    [InlineData("لـ", TokenFlags.HasTatweel)]
    [InlineData("ميّ\u200Cزة", TokenFlags.HasDiacritics | TokenFlags.HasJoiner | TokenFlags.HasVariantLetter)]
    [InlineData("وبالتعاون", TokenFlags.None)]
    [InlineData("للحكومة", TokenFlags.HasVariantLetter)]
    public void Tokenize_ArabicWordWithMarksTatweelOrClitics_KeepsOneToken(string word, TokenFlags flags)
    {
        Token t = Single(word);

        Assert.Equal(TokenKind.ArabicWord, t.Kind);
        Assert.Equal(word.Length, t.Length);
        Assert.Equal(flags, t.Flags);
    }

    [Theory]
    [InlineData("2500", TokenFlags.None)]
    [InlineData("2.5", TokenFlags.HasSeparator)]
    [InlineData("2,500", TokenFlags.HasSeparator)]
    [InlineData("1,250,000.75", TokenFlags.HasSeparator)]
    [InlineData("٢٫٥", TokenFlags.ArabicDigits | TokenFlags.HasSeparator)]
    [InlineData("٢٬٥٠٠", TokenFlags.ArabicDigits | TokenFlags.HasSeparator)]
    [InlineData("۱۲۳۴", TokenFlags.ArabicDigits)]
    [InlineData("2021/7/26", TokenFlags.Date)]
    [InlineData("10:30", TokenFlags.None)]
    public void Tokenize_Number_KeepsSeparatorsInside(string number, TokenFlags flags)
    {
        Token t = Single(number);

        Assert.Equal(TokenKind.Number, t.Kind);
        Assert.Equal(flags, t.Flags);
    }

    [Fact]
    public void Tokenize_NumberBeforeSentenceStop_LeavesTheStopOutside()
    {
        string text = "بلغ العدد 50. ثم";
        Token[] tokens = Lex.Tokens(text);

        Assert.Equal(["بلغ", "العدد", "50", ".", "ثم"], Lex.Texts(text, tokens));
        Assert.True(tokens[3].IsTerminal);
    }

    [Theory]
    [InlineData("“", TokenFlags.QuoteOpen)]
    [InlineData("”", TokenFlags.QuoteClose)]
    [InlineData("«", TokenFlags.QuoteOpen)]
    [InlineData("»", TokenFlags.QuoteClose)]
    [InlineData("‘", TokenFlags.QuoteOpen)]
    [InlineData("’", TokenFlags.QuoteClose)]
    [InlineData("„", TokenFlags.QuoteOpen)]
    [InlineData("‹", TokenFlags.QuoteOpen)]
    [InlineData("›", TokenFlags.QuoteClose)]
    [InlineData("\"", TokenFlags.QuoteAmbiguous)]
    [InlineData("'", TokenFlags.QuoteAmbiguous)]
    public void Tokenize_QuoteMark_IsItsOwnTokenWithDirection(string mark, TokenFlags direction)
    {
        string text = "قال" + mark + "نعم" + mark;
        Token[] tokens = Lex.Tokens(text);

        Assert.Equal(4, tokens.Length);
        Assert.Equal(TokenKind.QuoteMark, tokens[1].Kind);
        Assert.Equal(direction, tokens[1].Flags);
        Assert.Equal(TokenKind.ArabicWord, tokens[2].Kind);
    }

    [Theory]
    [InlineData("https://www.spa.gov.sa/details.php?id=1386834", TokenKind.Url)]
    [InlineData("www.alyaum.com/article/4079536", TokenKind.Url)]
    [InlineData("news@spa.gov.sa", TokenKind.Email)]
    [InlineData("#عاصفة_الحزم", TokenKind.Hashtag)]
    [InlineData("@AlArabiya_Brk", TokenKind.Mention)]
    [InlineData("F16", TokenKind.LatinWord)]
    [InlineData("al-Qaeda", TokenKind.LatinWord)]
    [InlineData("😀", TokenKind.Symbol)]
    [InlineData("%", TokenKind.Punctuation)]
    public void Tokenize_SpecialForms_StayWhole(string text, TokenKind kind)
    {
        Token t = Single(text);

        Assert.Equal(kind, t.Kind);
    }

    [Fact]
    public void Tokenize_UrlAtSentenceEnd_LeavesTheStopOutside()
    {
        string text = "راجع http://aawsat.com/home/article/412026.";
        Token[] tokens = Lex.Tokens(text);

        Assert.Equal(TokenKind.Url, tokens[1].Kind);
        Assert.Equal("http://aawsat.com/home/article/412026", text.Substring(tokens[1].Start, tokens[1].Length));
        Assert.True(tokens[2].IsTerminal);
    }

    [Theory]
    [InlineData("...", TokenFlags.SentenceTerminal | TokenFlags.Ellipsis)]
    [InlineData("..", TokenFlags.SentenceTerminal | TokenFlags.Ellipsis)]
    [InlineData("…", TokenFlags.SentenceTerminal | TokenFlags.Ellipsis)]
    [InlineData("؟", TokenFlags.SentenceTerminal)]
    [InlineData("!", TokenFlags.SentenceTerminal)]
    [InlineData("؛", TokenFlags.None)]
    [InlineData("،", TokenFlags.None)]
    public void Tokenize_Punctuation_MarksTerminatorsAndEllipses(string text, TokenFlags flags)
    {
        Token t = Single(text);

        Assert.Equal(TokenKind.Punctuation, t.Kind);
        Assert.Equal(flags, t.Flags);
    }

    [Fact]
    public void Tokenize_RightToLeftMarksAroundWords_AreSkippedLikeWhitespace()
    {
        string text = "\u200Fكلمة\u200F \uFEFFأخرى";
        Token[] tokens = Lex.Tokens(text);

        Assert.Equal(["كلمة", "أخرى"], Lex.Texts(text, tokens));
    }

    [Fact]
    public void Tokenize_InBlocks_GivesTheSameTokensAsWholeText()
    {
        string seed = TestData.Seed;
        Token[] whole = Lex.Tokens(seed);
        var pieces = new List<Token>();
        var state = default(TokenizerState);
        int at = 0;
        var random = new Random(7);
        while (true)
        {
            int size = random.Next(1, 40);
            bool final = at + size >= seed.Length;
            ReadOnlySpan<char> block = seed.AsSpan(at, Math.Min(size, seed.Length - at));
            var tokenizer = new Tokenizer(block, final, state);
            while (tokenizer.Read(out Token t))
            {
                pieces.Add(t);
            }

            if (final)
            {
                break;
            }

            at += tokenizer.Consumed;
            state = tokenizer.CurrentState;
            Assert.Equal(at, state.Offset);
            if (tokenizer.Consumed == 0)
            {
                // Nothing could be completed in this block: the next read takes a bigger one.
                continue;
            }
        }

        Assert.Equal(whole, pieces);
    }
}
