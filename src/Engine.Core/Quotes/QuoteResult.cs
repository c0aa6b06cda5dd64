namespace Engine.Quotes;

/// <summary>The quotes of a text, in document order, and what went wrong finding them.</summary>
public sealed record QuoteResult(IReadOnlyList<Quote> Quotes, IReadOnlyList<QuoteDiagnostic> Diagnostics)
{
    /// <summary>
    /// The quotes whose <see cref="Quote.Confidence"/> is at least <paramref name="minConfidence"/>
    /// (this result itself when the minimum is 0 or below); diagnostics are kept.
    /// </summary>
    public QuoteResult WithMinConfidence(double minConfidence)
    {
        if (minConfidence <= 0)
        {
            return this;
        }

        var kept = new List<Quote>(Quotes.Count);
        foreach (Quote q in Quotes)
        {
            if (q.Confidence >= minConfidence)
            {
                kept.Add(q);
            }
        }

        return new QuoteResult(kept, Diagnostics);
    }
}
