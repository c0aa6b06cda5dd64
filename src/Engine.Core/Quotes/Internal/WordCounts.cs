using Engine.Lexing;

namespace Engine.Quotes.Internal;

/// <summary>
/// The number of words (and numbers) before each token, so that the words between any two tokens
/// are counted in constant time: a paragraph of unclosed marks (««««…) or an endless sentence of
/// cues stays linear.
/// </summary>
internal sealed class WordCounts
{
    private readonly int[] _before;

    public WordCounts(ReadOnlySpan<Token> tokens)
    {
        _before = new int[tokens.Length + 1];
        for (int i = 0; i < tokens.Length; i++)
        {
            _before[i + 1] = _before[i] + (tokens[i].IsWord || tokens[i].Kind == TokenKind.Number ? 1 : 0);
        }
    }

    /// <summary>The words from token <paramref name="from"/> to token <paramref name="to"/>, both included (0 when <paramref name="to"/> is before <paramref name="from"/>).</summary>
    public int Between(int from, int to)
    {
        from = Math.Max(from, 0);
        to = Math.Min(to, _before.Length - 2);
        return to < from ? 0 : _before[to + 1] - _before[from];
    }
}
