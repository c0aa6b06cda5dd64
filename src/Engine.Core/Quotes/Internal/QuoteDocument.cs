using System.Collections.Concurrent;
using Engine.Analysis;
using Engine.Lexing;
using Engine.Sentences;

namespace Engine.Quotes.Internal;

/// <summary>
/// What quote extraction reads about a text: its tokens and sentences, each word's normalized form
/// and stem (computed once, on first use), and which quotation each token sits in.
/// </summary>
internal sealed class QuoteDocument
{
    /// <summary>Words whose forms are kept process-wide: enough for a language's working vocabulary.</summary>
    private const int MaxKeptWords = 200_000;

    /// <summary>Each word's normalized form and stem, shared by every document (news reuses its words).</summary>
    private static readonly ConcurrentDictionary<string, WordForms> Forms = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, WordForms>.AlternateLookup<ReadOnlySpan<char>> FormsBySpan =
        Forms.GetAlternateLookup<ReadOnlySpan<char>>();

    private static int s_kept;

    private readonly WordForms?[] _forms;

    public QuoteDocument(TextAnalysis analysis, List<QuotedSpan> quotes, WordCounts words, CancellationToken cancellationToken = default)
    {
        Words = words;
        Text = analysis.Text;
        Tokens = analysis.Tokens.ToArray();
        Sentences = analysis.Sentences.ToArray();
        _forms = new WordForms?[Tokens.Length];
        Quotes = quotes;
        InsideQuote = new int[Tokens.Length];
        OpenAt = new int[Tokens.Length];
        Array.Fill(InsideQuote, -1);
        Array.Fill(OpenAt, -1);
        SentenceOf = new int[Tokens.Length];
        for (int s = 0; s < Sentences.Length; s++)
        {
            for (int k = Sentences[s].FirstToken; k < Sentences[s].FirstToken + Sentences[s].TokenCount; k++)
            {
                SentenceOf[k] = s;
            }
        }

        for (int q = 0; q < quotes.Count; q++)
        {
            OpenAt[quotes[q].Open] = q;
        }

        // Each token belongs to the quotation with the latest opening mark around it.
        var lasts = new int[quotes.Count];
        bool nested = false;
        for (int q = 0; q < quotes.Count; q++)
        {
            if ((q & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested(); // a paragraph may hold millions of marks
            }

            lasts[q] = quotes[q].Close >= 0 ? quotes[q].Close - 1 : UnclosedEnd(quotes[q].Open);
            nested |= q > 0 && quotes[q].Open <= lasts[q - 1];
        }

        if (!nested)
        {
            // Side by side, as in nearly every article: each token is inside at most one.
            for (int q = 0; q < quotes.Count; q++)
            {
                InsideQuote.AsSpan(quotes[q].Open + 1, Math.Max(0, lasts[q] - quotes[q].Open)).Fill(q);
            }

            return;
        }

        // Nested: taking the quotations from the last one back, each token is set once and then
        // skipped, so deep nesting («««…»»») costs the tokens, not the tokens times the depth.
        var next = new int[Tokens.Length + 1]; // next[k] - 1: the first token from k on not yet set (0: k itself)
        for (int q = quotes.Count - 1; q >= 0; q--)
        {
            if ((q & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (int k = NextUnset(next, quotes[q].Open + 1); k <= lasts[q]; k = NextUnset(next, k + 1))
            {
                InsideQuote[k] = q;
                next[k] = k + 2; // k is set: the search continues from k + 1
            }
        }
    }

    /// <summary>The first token from <paramref name="k"/> on whose quotation is not yet set, shortening the chain as it goes.</summary>
    private static int NextUnset(int[] next, int k)
    {
        int root = k;
        while (root < next.Length - 1 && next[root] != 0)
        {
            root = next[root] - 1;
        }

        while (k != root)
        {
            int step = next[k] - 1;
            next[k] = root + 1;
            k = step;
        }

        return root;
    }

    public string Text { get; }

    /// <summary>Counts the words between two tokens in constant time.</summary>
    public WordCounts Words { get; }

    public Token[] Tokens { get; }

    public Sentence[] Sentences { get; }

    public List<QuotedSpan> Quotes { get; }

    /// <summary>For each token, the innermost quotation it is inside, or -1.</summary>
    public int[] InsideQuote { get; }

    /// <summary>For each opening mark, its quotation, or -1.</summary>
    public int[] OpenAt { get; }

    /// <summary>For each token, its sentence.</summary>
    public int[] SentenceOf { get; }

    public bool IsWord(int i) => (uint)i < (uint)Tokens.Length && Tokens[i].IsWord;

    public bool IsPunct(int i, char c) => (uint)i < (uint)Tokens.Length && Tokens[i].Kind == TokenKind.Punctuation && Text[Tokens[i].Start] == c;

    public bool IsComma(int i) => IsPunct(i, '،') || IsPunct(i, ',');

    /// <summary>The normalized form of word token <paramref name="i"/> ("" for other tokens).</summary>
    public string Norm(int i) =>
        (uint)i >= (uint)Tokens.Length || !Tokens[i].IsWord ? string.Empty : FormsOf(i).Norm;

    /// <summary>
    /// Whether word token <paramref name="i"/> is marked accusative by its tanween (رقماً، مؤكداً): an
    /// object or an adverb, never the subject of a verb.
    /// </summary>
    public bool IsAccusative(int i)
    {
        if (!IsWord(i))
        {
            return false;
        }

        ReadOnlySpan<char> word = Text.AsSpan(Tokens[i].Start, Tokens[i].Length);
        return word.Length > 2 && (word[^1] == '\u064B' || word[^2] == '\u064B');
    }

    /// <summary>
    /// Whether word token <paramref name="i"/> is the name علي (Ali) rather than the preposition على:
    /// both normalize to علي, but the name is written with ي and the preposition, in most texts, with ى.
    /// </summary>
    public bool IsNameAli(int i) => Norm(i) == "علي" && Text[Tokens[i].End - 1] == '\u064A';

    /// <summary>The light stem of word token <paramref name="i"/>.</summary>
    public string Stem(int i) =>
        (uint)i >= (uint)Tokens.Length || !Tokens[i].IsWord ? string.Empty : FormsOf(i).Stem;

    private WordForms FormsOf(int i)
    {
        if (_forms[i] is { } known)
        {
            return known;
        }

        ReadOnlySpan<char> surface = Text.AsSpan(Tokens[i].Start, Tokens[i].Length);
        if (!FormsBySpan.TryGetValue(surface, out WordForms? forms))
        {
            string norm = ArabicNormalizer.Normalize(surface.ToString());
            forms = new WordForms(norm, norm[ArabicStemmer.StemRange(norm)]);
            if (Volatile.Read(ref s_kept) < MaxKeptWords && FormsBySpan.TryAdd(surface, forms))
            {
                Interlocked.Increment(ref s_kept); // (ConcurrentDictionary.Count would take every lock)
            }
        }

        return _forms[i] = forms;
    }

    private sealed record WordForms(string Norm, string Stem);

    public TextSpan SpanOf(int first, int last) => new(Tokens[first].Start, Tokens[last].End);

    public int SentenceEnd(int sentence) => Sentences[sentence].FirstToken + Sentences[sentence].TokenCount - 1;

    /// <summary>
    /// The last token of a quotation whose closing mark is missing: the source's words end with the
    /// sentence, or before a new report in it (… كردستان وأضاف علي أن …، مضيفا).
    /// </summary>
    public int UnclosedEnd(int open)
    {
        int end = SentenceEnd(SentenceOf[open]);
        for (int k = open + 2; k <= end; k++)
        {
            string n = Norm(k);
            if ((CueLexicon.Matches(CueLexicon.Verbs, n, out bool prefixed) && prefixed) || (n.Length >= 4 && CueLexicon.Participles.Contains(n)))
            {
                return k - 1;
            }

            if (Tokens[k].Kind == TokenKind.QuoteMark && OpenAt[k] >= 0)
            {
                return k - 1; // the next quotation opens: the unclosed one ended before it
            }
        }

        return end;
    }

    public int ParagraphEnd(int token)
    {
        int s = SentenceOf[token];
        int paragraph = Sentences[s].Paragraph;
        while (s + 1 < Sentences.Length && Sentences[s + 1].Paragraph == paragraph)
        {
            s++;
        }

        return SentenceEnd(s);
    }

    /// <summary>The last token of a clause ending at <paramref name="last"/>, without trailing punctuation and closing marks.</summary>
    public int TrimEnd(int first, int last)
    {
        while (last > first && !(Tokens[last].IsWord || Tokens[last].Kind == TokenKind.Number || Tokens[last].CanCloseQuote))
        {
            last--;
        }

        return last;
    }
}
