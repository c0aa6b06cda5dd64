using Engine.Analysis;
using Engine.Quotes.Internal;

namespace Engine.Quotes;

/// <summary>
/// Finds every quote in an Arabic news text with its speaker: direct quotes in any quote marks,
/// reported speech after a speech or stance verb (وقال فلان إنّ …، أشار إلى أنّ …، مضيفا أنّ …),
/// attribution phrases (بحسب، وفقا لـ، نقلا عن، على لسان), quotes followed by their verb (“…”، قال
/// فلان), and mixed quotes. Speakers are resolved across the article: a cue without a written
/// subject (وأضاف) continues the last speaker, a surname or a short description joins the source
/// it names, and each quote carries the fullest mention of its source.
/// </summary>
public static partial class QuoteExtractor
{
    /// <summary>Extracts the quotes of <paramref name="text"/> with pooled analysis state.</summary>
    public static QuoteResult Extract(string text) =>
        AnalysisPool.Analyze(text, 0, static (analysis, _) => Extract(analysis));

    /// <summary>Extracts the quotes of an analysed text.</summary>
    public static QuoteResult Extract(TextAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var diagnostics = new List<QuoteDiagnostic>();
        List<QuotedSpan> spans = QuotePairing.Pair(analysis.Text, analysis.Tokens, analysis.Sentences, diagnostics);
        var doc = new QuoteDocument(analysis, spans);
        var run = new Run(doc, diagnostics);
        run.Extract();
        return new QuoteResult(run.Quotes, diagnostics);
    }
}
