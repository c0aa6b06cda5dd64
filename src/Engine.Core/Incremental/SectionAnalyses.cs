using Engine.Summarization;

namespace Engine.Incremental;

/// <summary>
/// The per-section analyses every document session runs, in slot order. A new analysis is a
/// <see cref="SectionAnalysis{TPart, TResult}"/>, a slot here, and a property of
/// <see cref="DocumentResult"/> reading that slot.
/// </summary>
internal static class SectionAnalyses
{
    public const int Summary = 0;
    public const int Quotes = 1;

    /// <summary>The analyses of a session summarizing with <paramref name="options"/>.</summary>
    public static SectionAnalysis[] For(SummarizerOptions options) => [new SummaryAnalysis(options), new QuoteAnalysis()];
}
