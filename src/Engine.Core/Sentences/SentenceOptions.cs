namespace Engine.Sentences;

/// <summary>How sentences are split. Immutable; <see cref="Default"/> suits Arabic news.</summary>
public sealed record SentenceOptions
{
    /// <summary>The defaults below.</summary>
    public static SentenceOptions Default { get; } = new();

    /// <summary>A terminator inside a quotation of at most this many words does not end the sentence. Default 24.</summary>
    public int MaxShortQuoteWords { get; init; } = 24;

    /// <summary>A first line of at most this many words without terminal punctuation is the title. Default 20.</summary>
    public int MaxTitleWords { get; init; } = 20;

    /// <summary>A later one-line paragraph of at most this many words without terminal punctuation is a heading. Default 12.</summary>
    public int MaxHeadingWords { get; init; } = 12;
}
