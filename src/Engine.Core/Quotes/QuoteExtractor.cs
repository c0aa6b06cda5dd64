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

    /// <summary>
    /// Extracts the quotes of an analysed text. A long text's sections (<see cref="Text.TextSections"/>)
    /// are read one by one, each with its own speaker context. <paramref name="cancellationToken"/> is
    /// checked sentence by sentence, and within a long sentence cue by cue.
    /// </summary>
    public static QuoteResult Extract(TextAnalysis analysis, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.SectionCount == 1)
        {
            return ExtractSection(analysis, cancellationToken);
        }

        var quotes = new List<Quote>();
        var diagnostics = new List<QuoteDiagnostic>();
        for (int i = 0; i < analysis.SectionCount; i++)
        {
            QuoteResult section = ExtractSection(analysis.Section(i), cancellationToken);
            AppendShifted(section, analysis.SectionStart(i), quotes, diagnostics);
        }

        return new QuoteResult(quotes, diagnostics);
    }

    /// <summary>The quotes of one section (or of a text that is one section), with offsets into it.</summary>
    internal static QuoteResult ExtractSection(TextAnalysis section, CancellationToken cancellationToken = default)
    {
        var diagnostics = new List<QuoteDiagnostic>();
        var words = new WordCounts(section.Tokens);
        List<QuotedSpan> spans = QuotePairing.Pair(section.Text, section.Tokens, section.Sentences, words, diagnostics, cancellationToken);
        var doc = new QuoteDocument(section, spans, words, cancellationToken);
        var run = new Run(doc, diagnostics, cancellationToken);
        run.Extract();
        return new QuoteResult(run.Quotes, diagnostics);
    }

    /// <summary>Appends a section's quotes and diagnostics with their spans moved by <paramref name="offset"/>.</summary>
    internal static void AppendShifted(QuoteResult section, int offset, List<Quote> quotes, List<QuoteDiagnostic> diagnostics)
    {
        if (offset == 0)
        {
            quotes.AddRange(section.Quotes);
            diagnostics.AddRange(section.Diagnostics);
            return;
        }

        foreach (Quote q in section.Quotes)
        {
            quotes.Add(Shift(q, offset));
        }

        foreach (QuoteDiagnostic d in section.Diagnostics)
        {
            diagnostics.Add(Shift(d, offset));
        }
    }

    /// <summary>A section's quote placed at <paramref name="offset"/>.</summary>
    internal static Quote Shift(Quote q, int offset) =>
        offset == 0 ? q : q with { ContentSpan = Shift(q.ContentSpan, offset), SpeakerSpan = Shift(q.SpeakerSpan, offset), CueSpan = Shift(q.CueSpan, offset) };

    /// <summary>A section's diagnostic placed at <paramref name="offset"/>.</summary>
    internal static QuoteDiagnostic Shift(QuoteDiagnostic d, int offset) => offset == 0 ? d : d with { Span = Shift(d.Span, offset) };

    private static TextSpan Shift(TextSpan span, int offset) => span.Start < 0 ? span : new TextSpan(span.Start + offset, span.End + offset);
}
