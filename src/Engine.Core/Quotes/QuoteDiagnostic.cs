namespace Engine.Quotes;

/// <summary>A problem found while extracting quotes, Roslyn-style: a stable code, a message and a span.</summary>
public sealed record QuoteDiagnostic(string Code, string Message, TextSpan Span)
{
    /// <summary>An opening quote mark that is never closed in its paragraph.</summary>
    public const string UnclosedQuote = "Q001";

    /// <summary>A closing quote mark with no opening one before it.</summary>
    public const string UnopenedQuote = "Q002";

    /// <summary>A quote whose speaker could not be found.</summary>
    public const string NoSpeaker = "Q003";

    /// <summary>
    /// Unmatched quote marks beyond the first hundred of a passage, counted in one diagnostic that
    /// spans them (a text of stray marks would otherwise carry one diagnostic per character).
    /// </summary>
    public const string UnmatchedNotReported = "Q004";
}
