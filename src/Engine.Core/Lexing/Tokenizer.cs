using System.Runtime.CompilerServices;
using Engine.Lexing.Internal;

namespace Engine.Lexing;

/// <summary>
/// A forward-only tokenizer over a span of UTF-16 text. It allocates nothing: each call to
/// <see cref="Read(out Token)"/> returns the next <see cref="Token"/> by value.
/// </summary>
/// <remarks>
/// Whitespace and invisible bidi marks are skipped; everything else, whatever the input (lone
/// surrogates, NUL, stray combining marks), lands in exactly one token, so the tokens and the
/// skipped characters between them always reproduce the input.
/// Text can arrive in blocks: pass <c>isFinalBlock: false</c> and the tokenizer stops before a
/// token that might continue in the next block; resume with <see cref="CurrentState"/> on a
/// buffer that starts at <see cref="Consumed"/>.
/// </remarks>
[SkipLocalsInit]
public ref partial struct Tokenizer
{
    private readonly ReadOnlySpan<char> _text;
    private readonly bool _isFinalBlock;
    private readonly int _offset;
    private int _pos;

    /// <summary>Tokenizes a whole text.</summary>
    public Tokenizer(ReadOnlySpan<char> text)
        : this(text, isFinalBlock: true, default)
    {
    }

    /// <summary>Tokenizes one block of a longer text, resuming from <paramref name="state"/>.</summary>
    public Tokenizer(ReadOnlySpan<char> text, bool isFinalBlock, TokenizerState state)
    {
        _text = text;
        _isFinalBlock = isFinalBlock;
        _offset = state.Offset;
        _pos = 0;
    }

    /// <summary>
    /// Writes every token of <paramref name="text"/> to <paramref name="tokens"/> (an
    /// <see cref="System.Buffers.ArrayBufferWriter{T}"/>, a pipe's writer …), checking
    /// <paramref name="cancellationToken"/> every 8,192 tokens. Tokens are written in blocks, so the
    /// writer is asked for space once per block, not per token.
    /// </summary>
    public static void Tokenize(ReadOnlySpan<char> text, System.Buffers.IBufferWriter<Token> tokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        const int Block = 1024;
        var tokenizer = new Tokenizer(text);
        Span<Token> block = tokens.GetSpan(Block);
        int written = 0;
        int count = 0;
        while (tokenizer.Read(out Token token))
        {
            if (written == block.Length)
            {
                tokens.Advance(written);
                block = tokens.GetSpan(Block);
                written = 0;
            }

            block[written++] = token;
            if ((++count & 8191) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        tokens.Advance(written);
    }

    /// <summary>Appends every token of <paramref name="text"/> to <paramref name="tokens"/>.</summary>
    internal static void Tokenize(ReadOnlySpan<char> text, Buffers.PooledList<Token> tokens) =>
        Tokenize(text, tokens, CancellationToken.None);

    /// <summary>
    /// Appends every token of <paramref name="text"/> to <paramref name="tokens"/>, checking
    /// <paramref name="cancellationToken"/> every 8,192 tokens: a text of millions of marks stops
    /// within a millisecond of being cancelled.
    /// </summary>
    internal static void Tokenize(ReadOnlySpan<char> text, Buffers.PooledList<Token> tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var tokenizer = new Tokenizer(text);
        int count = 0;
        while (tokenizer.Read(out Token token))
        {
            tokens.Add(token);
            if ((++count & 8191) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>How many characters of this block have been consumed (tokens and whitespace).</summary>
    public readonly int Consumed => _pos;

    /// <summary>The state to resume from, on a block that starts at <see cref="Consumed"/>.</summary>
    public readonly TokenizerState CurrentState => new(_offset + _pos);

    /// <summary>Reads the next token; false at the end of the text (or of a non-final block).</summary>
    /// <remarks>
    /// The engine's innermost loop, kept as one method on purpose: every branch dispatches on the
    /// class of the current character, and splitting it would cost a call (and the JIT's view of the
    /// locals) per token; the scanners it calls live in <c>Tokenizer.Scanners.cs</c>.
    /// </remarks>
    public bool Read(out Token token)
    {
        ReadOnlySpan<char> text = _text;
        int n = text.Length;
        int i = _pos;
        while (i < n)
        {
            char ch0 = text[i];
            if (ch0 == ' ')
            {
                i++;
                continue;
            }

            CharClass c = Class(ch0);
            if (c != CharClass.Space && c != CharClass.Ignorable)
            {
                break;
            }

            i++;
        }

        if (i >= n)
        {
            _pos = i;
            token = default;
            return false;
        }

        int start = i;

        // The common case first: a word of core Arabic letters and marks. This is ScanArabic's table loop,
        // inlined here because skipping the call and the class switch is worth about 12% on the news corpus.
        ushort[] core = ArabicCore;
        uint first = (uint)text[i] - 0x0621;
        if (first < (uint)core.Length && (core[first] & LetterBit) != 0)
        {
            uint bits = 0;
            int j = i;
            uint offset = first;
            do
            {
                bits |= core[offset];
                if (++j >= n)
                {
                    break;
                }

                offset = (uint)text[j] - 0x0621;
            }
            while (offset < (uint)core.Length);

            if (j >= n || CharClasses.IsArabicWordPart(Class(text[j])) || Class(text[j]) == CharClass.CombiningMark)
            {
                // Rare letters, joiners or the block's end: finish with the general scanner.
                j = ScanArabic(text, i, out TokenFlags slowFlags, out _);
                bits = (uint)slowFlags;
                if (!_isFinalBlock && j >= n)
                {
                    _pos = start;
                    token = default;
                    return false;
                }
            }

            _pos = j;
            token = new Token(_offset + start, j - start, TokenKind.ArabicWord, (TokenFlags)(bits & ~(uint)LetterBit));
            return true;
        }

        TokenFlags flags = TokenFlags.None;
        TokenKind kind;
        int end;
        int scanned;
        CharClass cls = Class(text[i]);
        switch (cls)
        {
            case CharClass.ArabicLetter:
            case CharClass.ArabicMark:
            case CharClass.Tatweel:
            case CharClass.Joiner:
                end = ScanArabic(text, i, out flags, out bool hasLetter);
                kind = hasLetter ? TokenKind.ArabicWord : TokenKind.Symbol;
                scanned = end;
                break;
            case CharClass.LatinLetter:
            case CharClass.OtherLetter:
                end = ScanLatinStart(text, i, out kind, out flags);
                scanned = end;
                break;
            case CharClass.AsciiDigit:
            case CharClass.ArabicIndicDigit:
            case CharClass.ExtendedDigit:
                end = ScanNumberOrEmail(text, i, out kind, out flags);
                scanned = end;
                break;
            case CharClass.Terminal:
                end = ScanTerminal(text, i, out flags);
                kind = TokenKind.Punctuation;
                scanned = end;
                break;
            case CharClass.Punctuation:
                end = ScanPunctuation(text, i, out kind, out flags);
                scanned = end;
                break;
            case CharClass.QuoteOpen:
                kind = TokenKind.QuoteMark;
                flags = TokenFlags.QuoteOpen;
                end = scanned = i + 1;
                break;
            case CharClass.QuoteClose:
                kind = TokenKind.QuoteMark;
                flags = TokenFlags.QuoteClose;
                end = scanned = i + 1;
                break;
            case CharClass.QuoteAmbiguous:
                kind = TokenKind.QuoteMark;
                flags = TokenFlags.QuoteAmbiguous;
                end = scanned = i + 1;
                break;
            case CharClass.Newline:
                end = ScanLineBreak(text, i, out flags, out scanned);
                kind = TokenKind.LineBreak;
                break;
            case CharClass.HighSurrogate:
                kind = TokenKind.Symbol;
                end = i + 1 < n && Class(text[i + 1]) == CharClass.LowSurrogate ? i + 2 : i + 1;
                scanned = end;
                break;
            default:
                kind = TokenKind.Symbol;
                end = scanned = i + 1;
                break;
        }

        if (!_isFinalBlock && scanned >= n)
        {
            // The token (or the whitespace run after a line break) touches the end of the block:
            // it may go on in the next one, so leave it for then.
            _pos = start;
            token = default;
            return false;
        }

        _pos = end;
        token = new Token(_offset + start, end - start, kind, flags);
        return true;
    }
}
