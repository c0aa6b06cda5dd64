namespace Engine.Sentences;

/// <summary>
/// One sentence: its character span (trimmed of surrounding whitespace), its tokens as a range
/// of the document's token list, the paragraph it belongs to and its kind.
/// </summary>
public readonly record struct Sentence(int Start, int End, int FirstToken, int TokenCount, int Paragraph, SentenceKind Kind)
{
    /// <summary>The length in UTF-16 code units.</summary>
    public int Length => End - Start;

    /// <summary>The sentence's text within <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text[Start..End];

    /// <summary>This sentence moved by <paramref name="chars"/> characters, <paramref name="tokens"/> tokens and <paramref name="paragraphs"/> paragraphs (a section's sentence placed in its text).</summary>
    internal Sentence Shifted(int chars, int tokens, int paragraphs) =>
        this with { Start = Start + chars, End = End + chars, FirstToken = FirstToken + tokens, Paragraph = Paragraph + paragraphs };

    /// <summary>Whether this is body text (neither title nor heading).</summary>
    public bool IsBody => Kind == SentenceKind.Body;
}
