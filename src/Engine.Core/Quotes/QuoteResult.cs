namespace Engine.Quotes;

/// <summary>The quotes of a text, in document order, and what went wrong finding them.</summary>
public sealed record QuoteResult(IReadOnlyList<Quote> Quotes, IReadOnlyList<QuoteDiagnostic> Diagnostics);
