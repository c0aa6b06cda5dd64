using Engine.Lexing;
using Engine.Sentences;

namespace Engine.Quotes.Internal;

/// <summary>A pair of quote marks: token indices of the opening and closing marks (Close is -1 when never closed).</summary>
internal readonly record struct QuotedSpan(int Open, int Close, int Words);

/// <summary>
/// Pairs quote marks within each paragraph. Direction comes from the mark when it has one, and
/// from what it touches when it does not (or when the text misuses it, as in لـ”العربية نت”):
/// a mark glued to the word after it and not to the one before opens.
/// </summary>
internal static class QuotePairing
{
    /// <summary>
    /// The most unmatched marks reported one by one in a section; the rest are counted in one
    /// <see cref="QuoteDiagnostic.UnmatchedNotReported"/>, so a text of stray marks costs no more
    /// than its tokens.
    /// </summary>
    public const int MaxMarkDiagnostics = 100;

    public static List<QuotedSpan> Pair(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, WordCounts words, List<QuoteDiagnostic> diagnostics, CancellationToken cancellationToken = default)
    {
        var report = new MarkReport(text, diagnostics);
        var spans = new List<QuotedSpan>();
        var stack = new List<int>();
        int paragraph = -1;
        int paragraphEnd = -1;
        foreach (Sentence s in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (s.Paragraph != paragraph)
            {
                CloseParagraph(tokens, words, stack, spans, report, paragraphEnd);
                paragraph = s.Paragraph;
            }

            paragraphEnd = s.FirstToken + s.TokenCount - 1;
            for (int i = s.FirstToken; i <= paragraphEnd; i++)
            {
                if ((i & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested(); // a sentence may be the whole text
                }

                Token t = tokens[i];
                if (t.Kind != TokenKind.QuoteMark || text[t.Start] == '\'')
                {
                    continue;
                }

                bool opens = Opens(text, tokens, i, stack);
                if (opens)
                {
                    stack.Add(i);
                }
                else if (stack.Count > 0)
                {
                    int open = stack[^1];
                    stack.RemoveAt(stack.Count - 1);
                    spans.Add(new QuotedSpan(open, i, words.Between(open + 1, i - 1)));
                }
                else
                {
                    report.Add(QuoteDiagnostic.UnopenedQuote, t);
                }
            }
        }

        CloseParagraph(tokens, words, stack, spans, report, paragraphEnd);
        report.Complete();
        cancellationToken.ThrowIfCancellationRequested();
        if (!IsSortedByOpen(spans))
        {
            spans.Sort((a, b) => a.Open.CompareTo(b.Open));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return spans;
    }

    /// <summary>Whether the spans are already in order (marks never closed are added in order): a paragraph of them needs no sort.</summary>
    private static bool IsSortedByOpen(List<QuotedSpan> spans)
    {
        for (int i = 1; i < spans.Count; i++)
        {
            if (spans[i - 1].Open > spans[i].Open)
            {
                return false;
            }
        }

        return true;
    }

    private static void CloseParagraph(ReadOnlySpan<Token> tokens, WordCounts words, List<int> stack, List<QuotedSpan> spans, MarkReport report, int paragraphEnd)
    {
        foreach (int open in stack)
        {
            report.Add(QuoteDiagnostic.UnclosedQuote, tokens[open]);
            spans.Add(new QuotedSpan(open, -1, words.Between(open + 1, paragraphEnd)));
        }

        stack.Clear();
    }

    private static bool Opens(string text, ReadOnlySpan<Token> tokens, int i, List<int> stack)
    {
        Token t = tokens[i];
        bool gluedAfter = i + 1 < tokens.Length && tokens[i + 1].Start == t.End && tokens[i + 1].IsWord;
        bool gluedBefore = i > 0 && tokens[i - 1].End == t.Start && tokens[i - 1].Kind != TokenKind.QuoteMark && !IsPrefixParticle(text, tokens[i - 1]);
        bool canOpen = (t.Flags & TokenFlags.QuoteOpen) != 0;
        bool canClose = (t.Flags & TokenFlags.QuoteClose) != 0;
        if (canOpen && canClose)
        {
            // " and the like: a mark glued only to the word after it opens (a nested "داعش" too), one glued
            // only to the word before it closes (or is stray: بغداد". وأشار); otherwise it closes what a
            // mark of the same character opened, else opens.
            if (gluedAfter != gluedBefore)
            {
                return gluedAfter;
            }

            return stack.Count == 0 || text[tokens[stack[^1]].Start] != text[t.Start];
        }

        if (canClose && stack.Count == 0 && gluedAfter && !gluedBefore)
        {
            return true; // a closing mark used as an opening one: لـ”العربية
        }

        if (canOpen && stack.Count > 0 && gluedBefore && !gluedAfter && text[tokens[stack[^1]].Start] == text[t.Start])
        {
            return false; // an opening mark used as the closing one: “…“
        }

        return canOpen;
    }

    private static bool IsPrefixParticle(string text, Token t) =>
        t.Kind == TokenKind.ArabicWord && t.Length <= 2 && text[t.Start] is 'ل' or 'ب' or 'ك';

    /// <summary>The diagnostics of unmatched marks: the first <see cref="MaxMarkDiagnostics"/> one by one, then a count.</summary>
    private sealed class MarkReport(string text, List<QuoteDiagnostic> diagnostics)
    {
        private int _reported;
        private int _omitted;
        private int _omittedStart;
        private int _omittedEnd;

        public void Add(string code, Token mark)
        {
            if (_reported < MaxMarkDiagnostics)
            {
                _reported++;
                char c = text[mark.Start];
                string message = code == QuoteDiagnostic.UnopenedQuote
                    ? $"Closing quote mark '{c}' has no opening mark before it."
                    : $"Opening quote mark '{c}' is not closed before the end of its paragraph.";
                diagnostics.Add(new QuoteDiagnostic(code, message, new TextSpan(mark.Start, mark.End)));
                return;
            }

            _omittedStart = _omitted++ == 0 ? mark.Start : Math.Min(_omittedStart, mark.Start);
            _omittedEnd = Math.Max(_omittedEnd, mark.End);
        }

        public void Complete()
        {
            if (_omitted > 0)
            {
                diagnostics.Add(new QuoteDiagnostic(
                    QuoteDiagnostic.UnmatchedNotReported,
                    $"{_omitted} more unmatched quote marks in this passage are not reported one by one.",
                    new TextSpan(_omittedStart, _omittedEnd)));
            }
        }
    }
}
