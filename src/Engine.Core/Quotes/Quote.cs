namespace Engine.Quotes;

/// <summary>
/// One attributed statement: what was said (<see cref="Content"/>), by whom as named here
/// (<see cref="Speaker"/>), the speaker's proper name and fullest mention in the article, the cue
/// that reports it, and spans of each into the original text.
/// </summary>
public readonly record struct Quote
{
    /// <summary>Direct, indirect or mixed.</summary>
    public required QuoteKind Kind { get; init; }

    /// <summary>What was said (without the quote marks of a direct quote).</summary>
    public required string Content { get; init; }

    /// <summary>The source as named at this quote ("" when the text gives none).</summary>
    public required string Speaker { get; init; }

    /// <summary>The source's proper name, when it has one in the text.</summary>
    public required string SpeakerName { get; init; }

    /// <summary>The fullest mention of the source anywhere in the article.</summary>
    public required string SpeakerCanonical { get; init; }

    /// <summary>The reporting verb or phrase as written (وقال، بحسب، مشيرا إلى).</summary>
    public required string Cue { get; init; }

    /// <summary>Where <see cref="Content"/> is in the text.</summary>
    public required TextSpan ContentSpan { get; init; }

    /// <summary>Where <see cref="Speaker"/> is in the text (the explicit mention the quote resolves to).</summary>
    public required TextSpan SpeakerSpan { get; init; }

    /// <summary>Where <see cref="Cue"/> is in the text.</summary>
    public required TextSpan CueSpan { get; init; }

    /// <summary>
    /// The estimated probability that the quote and its speaker are both right, in [0, 1]: calibrated
    /// on held-out articles so that, among quotes with confidence at least t, about a share t is right.
    /// </summary>
    public required double Confidence { get; init; }

    /// <summary>The rules that found the quote and its speaker (features of the confidence model).</summary>
    internal Internal.QuoteEvidence Evidence { get; init; }
}
