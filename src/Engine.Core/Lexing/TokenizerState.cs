namespace Engine.Lexing;

/// <summary>
/// What a <see cref="Tokenizer"/> needs to resume on the next block of a text fed in pieces
/// (from a pipe, say): a plain struct, so it can cross an <c>await</c>.
/// </summary>
public readonly record struct TokenizerState(int Offset)
{
    /// <summary>Where the next block starts in the whole text (UTF-16 code units).</summary>
    public int Offset { get; init; } = Offset;
}
