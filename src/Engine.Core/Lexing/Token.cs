using System.Runtime.InteropServices;

namespace Engine.Lexing;

/// <summary>
/// One token: a span of the text with its kind and flags. Twelve bytes, no reference to the text,
/// so arrays of tokens are cheap to pool and to cache.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct Token(int Start, int Length, TokenKind Kind, TokenFlags Flags)
{
    /// <summary>The offset just past the token (UTF-16 code units).</summary>
    public int End => Start + Length;

    /// <summary>Whether the token is an Arabic or Latin word.</summary>
    public bool IsWord => Kind is TokenKind.ArabicWord or TokenKind.LatinWord;

    /// <summary>The token's text within <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text.Slice(Start, Length);

    /// <summary>Whether this is punctuation that can end a sentence.</summary>
    public bool IsTerminal => (Flags & TokenFlags.SentenceTerminal) != 0;

    /// <summary>Whether this quote mark can open a quotation.</summary>
    public bool CanOpenQuote => Kind == TokenKind.QuoteMark && (Flags & TokenFlags.QuoteOpen) != 0;

    /// <summary>Whether this quote mark can close a quotation.</summary>
    public bool CanCloseQuote => Kind == TokenKind.QuoteMark && (Flags & TokenFlags.QuoteClose) != 0;
}
