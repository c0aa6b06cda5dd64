namespace Engine.Summarization;

/// <summary>A sentence with its score: <see cref="Index"/> into the document's sentences, and its UTF-16 span.</summary>
public readonly record struct ScoredSentence(int Index, int Start, int End, double Score, SentenceFeatures Features)
{
    /// <summary>The sentence's text within the summarized <paramref name="text"/>.</summary>
    public string Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[Start..End];
    }
}
