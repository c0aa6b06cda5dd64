using Engine.Buffers;
using Engine.Lexing;

namespace Engine.Incremental;

/// <summary>Which tokens of a new version were lexed again: <see cref="RelexedCount"/> from <see cref="RelexedFirst"/>.</summary>
internal readonly record struct Relexed(int RelexedFirst, int RelexedCount);

/// <summary>
/// Re-lexes only what an edit touched. Lexing restarts a few tokens before the edit, at a token
/// that nothing before it can change, and stops at the first token after the edit that starts at
/// the old position shifted by the edit's length and equals the old token there: from that point
/// the text, and therefore the token stream, is the old one shifted. The result equals lexing the
/// new text from scratch.
/// </summary>
internal static class IncrementalLexer
{
    /// <summary>How many tokens before the edit lexing restarts (covers the tokenizer's lookahead of two characters).</summary>
    private const int BackOff = 3;

    /// <summary>
    /// Appends to <paramref name="tokens"/> and <paramref name="ids"/> the tokens of <paramref name="newText"/>,
    /// which replaced old [<paramref name="start"/>, <paramref name="oldEnd"/>) and shifted what followed by <paramref name="delta"/>.
    /// </summary>
    public static Relexed Relex(
        string newText, ReadOnlySpan<Token> previous, ReadOnlySpan<int> previousTerms, int start, int oldEnd, int delta, TermAnalyzer terms,
        PooledList<Token> tokens, PooledList<int> ids)
    {
        int k = FirstEndingAtOrAfter(previous, start);
        int r = Math.Max(0, k - BackOff);
        while (r > 0 && previous[r].Start == previous[r - 1].End)
        {
            r--; // glued tokens (word and punctuation) lex together
        }

        int from = r < previous.Length ? Math.Min(previous[r].Start, start) : (previous.Length == 0 ? 0 : Math.Min(start, previous[^1].End));
        tokens.AddRange(previous[..r]);
        ids.AddRange(previousTerms[..r]);

        int newEnd = oldEnd + delta;
        int j = k;
        int relexed = 0;
        var tokenizer = new Tokenizer(newText.AsSpan(from), isFinalBlock: true, new TokenizerState(from));
        while (tokenizer.Read(out Token t))
        {
            if (t.Start > newEnd)
            {
                while (j < previous.Length && previous[j].Start + delta < t.Start)
                {
                    j++;
                }

                if (j < previous.Length && previous[j].Start + delta == t.Start && previous[j].Length == t.Length
                    && previous[j].Kind == t.Kind && previous[j].Flags == t.Flags)
                {
                    for (int m = j; m < previous.Length; m++)
                    {
                        tokens.Add(previous[m] with { Start = previous[m].Start + delta });
                        ids.Add(previousTerms[m]);
                    }

                    return new Relexed(r, relexed);
                }
            }

            tokens.Add(t);
            ids.Add(terms.TermOf(newText, t));
            relexed++;
        }

        return new Relexed(r, relexed);
    }

    private static int FirstEndingAtOrAfter(ReadOnlySpan<Token> tokens, int position)
    {
        int lo = 0;
        int hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].End >= position)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}
