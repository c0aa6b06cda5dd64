using System.Text;
using Engine.Text;
using Engine.Incremental;
using Engine.Lexing;
using Engine.Quotes;
using Engine.Sentences;
using Engine.Summarization;

namespace Engine.Fuzz;

/// <summary>
/// The fuzzing targets: each takes raw bytes, runs one part of the engine on them and checks its
/// invariants, throwing <see cref="InvariantException"/> when one breaks. AFL++ runs them through
/// SharpFuzz (fuzz.sh); the test suite replays the saved corpus and every past crash through them.
/// </summary>
public static class FuzzTargets
{
    /// <summary>The targets by name.</summary>
    public static readonly string[] Names = ["tokenizer", "sentences", "quotes", "session"];

    /// <summary>Text pasted in by the session target's edits: quote marks, cues, sentence ends, a surrogate pair.</summary>
    private static readonly string[] Inserts = ["«", "»", "\"", "“", "”", " وقال الوزير إن ", "، مضيفا أن ", ". ", "\n\n", "🌍", "قال", " ", "أ.ف.ب", ""];

    /// <summary>
    /// The summary options of the session target: built on use, never in a static initializer, since
    /// no instrumented engine code may run before SharpFuzz has set up AFL's coverage map.
    /// </summary>
    private static SummarizerOptions Options => new() { Budget = SummaryBudget.Ratio(0.3) };

    public static void Run(string target, byte[] input)
    {
        switch (target)
        {
            case "tokenizer":
                Tokens(Decode(input));
                break;
            case "sentences":
                Sentences(Decode(input));
                break;
            case "quotes":
                Quotes(Decode(input));
                break;
            case "session":
                Session(input);
                break;
            default:
                throw new ArgumentException($"unknown target '{target}'; the targets are {string.Join(", ", Names)}", nameof(target));
        }
    }

    /// <summary>Tokens in order, inside the text, on character boundaries, with only white space between them.</summary>
    private static void Tokens(string text)
    {
        using var tokens = new Engine.Buffers.PooledList<Token>(256);
        Tokenizer.Tokenize(text, tokens);
        int at = 0;
        foreach (Token t in tokens.Span)
        {
            Check(t.Length > 0 && t.Start >= at && t.End <= text.Length, $"token [{t.Start}, {t.End}) is empty, out of order or outside the text");
            Check(OnBoundary(text, t.Start) && OnBoundary(text, t.End), $"token [{t.Start}, {t.End}) splits a surrogate pair");
            if (!Skippable(text.AsSpan(at, t.Start - at)))
            {
                throw new InvariantException($"text between tokens at {at} is not white space or an invisible control: U+{(int)text[at..t.Start].First(c => !IsSkippable(c)):X4}");
            }

            at = t.End;
        }

        Check(Skippable(text.AsSpan(at)), "text after the last token is not white space or an invisible control");
    }

    /// <summary>What the tokenizer may pass over: white space, and invisible controls and format marks (bidi marks, NUL).</summary>
    private static bool Skippable(ReadOnlySpan<char> between)
    {
        foreach (char c in between)
        {
            if (!IsSkippable(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSkippable(char c) =>
        char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format;

    /// <summary>Sentences in order, each holding its tokens, on boundaries, covering every token but line breaks once.</summary>
    private static void Sentences(string text)
    {
        using var analysis = new Engine.Analysis.TextAnalysis();
        analysis.Load(text);
        ReadOnlySpan<Token> tokens = analysis.Tokens;
        int nextToken = 0;
        int end = 0;
        foreach (Sentence s in analysis.Sentences)
        {
            while (nextToken < s.FirstToken && tokens[nextToken].Kind == TokenKind.LineBreak)
            {
                nextToken++; // line breaks between sentences belong to none
            }

            Check(s.FirstToken == nextToken && s.TokenCount > 0, $"sentence at {s.Start} does not start at token {nextToken}");
            Check(s.Start >= end && s.Start <= s.End && s.End <= text.Length, $"sentence [{s.Start}, {s.End}) is out of order or outside the text");
            Check(tokens[s.FirstToken].Start >= s.Start && tokens[s.FirstToken + s.TokenCount - 1].End <= s.End, $"sentence [{s.Start}, {s.End}) does not hold its tokens");
            Check(OnBoundary(text, s.Start) && OnBoundary(text, s.End), $"sentence [{s.Start}, {s.End}) splits a surrogate pair");
            nextToken += s.TokenCount;
            end = s.End;
        }

        while (nextToken < tokens.Length && tokens[nextToken].Kind == TokenKind.LineBreak)
        {
            nextToken++;
        }

        Check(nextToken == tokens.Length, "some tokens are in no sentence");
    }

    /// <summary>Every quote's spans inside the text, on boundaries, and its strings the text they span.</summary>
    private static void Quotes(string text)
    {
        QuoteResult result = QuoteExtractor.Extract(text);
        foreach (Quote q in result.Quotes)
        {
            Span(text, q.ContentSpan, "content");
            Span(text, q.CueSpan, "cue");
            if (!q.SpeakerSpan.IsEmpty)
            {
                Span(text, q.SpeakerSpan, "speaker");
                Check(q.Speaker == text[q.SpeakerSpan.Start..q.SpeakerSpan.End], $"speaker '{q.Speaker}' is not the text it spans");
            }

            Check(q.Confidence is >= 0 and <= 1, $"confidence {q.Confidence} is outside [0, 1]");
        }

        foreach (QuoteDiagnostic d in result.Diagnostics)
        {
            Span(text, d.Span, "diagnostic " + d.Code);
        }

        Check(result.Diagnostics.Count(d => d.Code is QuoteDiagnostic.UnclosedQuote or QuoteDiagnostic.UnopenedQuote) <= 100 * Math.Max(1, text.Length / Text.TextSections.MinSectionChars + 1), "more mark diagnostics than the per-section cap");
    }

    /// <summary>
    /// The input is a text, a 0 byte, then edits of four bytes (position, position, deleted length,
    /// inserted snippet); after each edit the session equals a fresh analysis of the same text.
    /// </summary>
    private static void Session(byte[] input)
    {
        int split = Array.IndexOf(input, (byte)0);
        string text = Decode(split < 0 ? input : input[..split]);
        byte[] edits = split < 0 ? [] : input[(split + 1)..];
        using DocumentSession session = DocumentSession.Open(text, Options);
        Same(session, text, "opened");
        for (int i = 0; i + 3 < edits.Length && i < 4 * 64; i += 4)
        {
            int start = Boundary(text, ((edits[i] << 8) | edits[i + 1]) % (text.Length + 1));
            int end = Boundary(text, Math.Min(text.Length, start + (edits[i + 2] % 24)));
            string insert = Inserts[edits[i + 3] % Inserts.Length];
            session.Apply(session.Version, [new TextChange(start, end, insert)]);
            text = text[..start] + insert + text[end..];
            Same(session, text, $"edit {i / 4}: [{start}, {end}) → '{insert}'");
        }
    }

    private static void Same(DocumentSession session, string text, string step)
    {
        Check(session.Current.Text == text, $"{step}: the session's text differs");
        Summary fresh = Summarizer.Summarize(text, Options);
        Summary incremental = session.Current.Summary;
        Check(fresh.Sentences.Select(s => (s.Index, s.Start, s.End)).SequenceEqual(incremental.Sentences.Select(s => (s.Index, s.Start, s.End))), $"{step}: the summary differs from a fresh one");
        Check(fresh.AllSentences.Count == incremental.AllSentences.Count, $"{step}: the sentence count differs");
        QuoteResult quotes = QuoteExtractor.Extract(text);
        Check(quotes.Quotes.SequenceEqual(session.Current.Quotes.Quotes), $"{step}: the quotes differ from fresh ones");
        Check(quotes.Diagnostics.SequenceEqual(session.Current.Quotes.Diagnostics), $"{step}: the diagnostics differ from fresh ones");
    }

    private static void Span(string text, TextSpan span, string what)
    {
        Check(span.Start >= 0 && span.Start <= span.End && span.End <= text.Length, $"{what} span [{span.Start}, {span.End}) is outside the text");
        Check(OnBoundary(text, span.Start) && OnBoundary(text, span.End), $"{what} span [{span.Start}, {span.End}) splits a surrogate pair");
    }

    private static bool OnBoundary(string text, int at) =>
        at <= 0 || at >= text.Length || !(char.IsHighSurrogate(text[at - 1]) && char.IsLowSurrogate(text[at]));

    private static int Boundary(string text, int at) => OnBoundary(text, at) ? at : at - 1;

    /// <summary>The bytes as UTF-8, invalid sequences replaced, as a server's decoder would never pass them on.</summary>
    private static string Decode(byte[] input) => Encoding.UTF8.GetString(input);

    private static void Check(bool holds, string invariant)
    {
        if (!holds)
        {
            throw new InvariantException(invariant);
        }
    }
}

/// <summary>An invariant of the engine does not hold for a fuzzing input.</summary>
public sealed class InvariantException(string message) : Exception(message);
