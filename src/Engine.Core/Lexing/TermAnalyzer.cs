using System.Runtime.CompilerServices;
using Engine.Buffers;
using Engine.Lexing.Internal;

namespace Engine.Lexing;

/// <summary>
/// Turns word tokens into term ids: normalize, drop stop words, stem, intern. The common case (a
/// word with nothing to normalize) is looked up straight from the text without copying; otherwise
/// the word is normalized into a stack buffer. Nothing is allocated for a term seen before.
/// </summary>
public sealed class TermAnalyzer
{
    /// <summary>Returned for words that carry no content (stop words, single letters).</summary>
    public const int NoTerm = -1;

    private const TokenFlags NeedsNormalization =
        TokenFlags.HasDiacritics | TokenFlags.HasTatweel | TokenFlags.HasJoiner | TokenFlags.HasVariantLetter;

    /// <summary>Surface forms (as written) already analysed, to their term id: one lookup per known word.</summary>
    private readonly SpanMap _surface = new(4096);
    private readonly int _maxSurfaceForms;

    /// <summary>Creates an analyzer interning into <paramref name="terms"/> (a new table by default).</summary>
    /// <param name="terms">The term table the ids refer to.</param>
    /// <param name="maxSurfaceForms">How many written forms to remember before the cache starts over (default 1,000,000).</param>
    public TermAnalyzer(TermTable? terms = null, int maxSurfaceForms = 1_000_000)
    {
        Terms = terms ?? new TermTable();
        _maxSurfaceForms = maxSurfaceForms;
    }

    /// <summary>The table the ids refer to.</summary>
    public TermTable Terms { get; }

    /// <summary>The term id of a word token, or <see cref="NoTerm"/> for stop words and non-words.</summary>
    public int TermOf(ReadOnlySpan<char> text, Token token)
    {
        if (token.Kind == TokenKind.Number)
        {
            return Terms.GetOrAdd(token.Slice(text));
        }

        if (!token.IsWord)
        {
            return NoTerm;
        }

        ReadOnlySpan<char> word = token.Slice(text);
        if (_surface.TryGetValue(word, out int known))
        {
            return known;
        }

        int id = Analyze(word, token);
        if (_surface.Count >= _maxSurfaceForms)
        {
            _surface.Clear();
        }

        _surface.Add(word, id);
        return id;
    }

    [SkipLocalsInit]
    private int Analyze(ReadOnlySpan<char> word, Token token)
    {
        bool plain = token.Kind == TokenKind.ArabicWord
            ? (token.Flags & NeedsNormalization) == 0
            : !ContainsUpper(word);
        if (plain)
        {
            return Intern(word);
        }

        char[]? rented = null;
        Span<char> buffer = word.Length <= 64 ? stackalloc char[64] : (rented = EnginePools.Arrays<char>().Rent(word.Length));
        try
        {
            int n = ArabicNormalizer.Normalize(word, buffer);
            return Intern(buffer[..n]);
        }
        finally
        {
            if (rented is not null)
            {
                EnginePools.Arrays<char>().Return(rented);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Intern(ReadOnlySpan<char> normalized)
    {
        if (normalized.Length < 2 || StopWords.Contains(normalized))
        {
            return NoTerm;
        }

        return Terms.GetOrAdd(normalized[ArabicStemmer.StemRange(normalized)]);
    }

    private static bool ContainsUpper(ReadOnlySpan<char> word) => word.IndexOfAnyInRange('A', 'Z') >= 0;
}
