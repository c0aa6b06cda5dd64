using System.Text;
using Engine.Analysis;
using Engine.Quotes;
using Engine.Text;

namespace Engine.Incremental;

/// <summary>The quotes as a per-section analysis: each section's quotes with its own speaker context, placed lazily.</summary>
internal sealed class QuoteAnalysis : SectionAnalysis<QuoteResult, QuoteResult>
{
    public override string Name => "quotes";

    protected override QuoteResult AnalyzeSection(TextAnalysis section, CancellationToken cancellationToken) => QuoteExtractor.ExtractSection(section, cancellationToken);

    /// <summary>Quotes are values, so placing one as it is read allocates nothing and an edit costs nothing here.</summary>
    protected override QuoteResult Place(DocumentText text, QuoteResult[] parts, SectionLayout layout) => new(
        new PlacedList<QuoteResult, Quote>(parts, layout.Starts, static s => s.Quotes.Count, static (s, at, i) => QuoteExtractor.Shift(s.Quotes[i], at)),
        new PlacedList<QuoteResult, QuoteDiagnostic>(parts, layout.Starts, static s => s.Diagnostics.Count, static (s, at, i) => QuoteExtractor.Shift(s.Diagnostics[i], at)));

    /// <summary>Quotes by kind, content and speaker within the replaced sections (the others' quotes are the same).</summary>
    protected override EditStats Diff(EditStats stats, QuoteResult before, QuoteResult after, QuoteResult[] replaced, QuoteResult[] fresh, EditExtent edit)
    {
        HashSet<(QuoteKind, string, string)> old = Keys(replaced);
        HashSet<(QuoteKind, string, string)> now = Keys(fresh);
        return stats with { QuotesAdded = now.Count(q => !old.Contains(q)), QuotesRemoved = old.Count(q => !now.Contains(q)) };

        static HashSet<(QuoteKind, string, string)> Keys(QuoteResult[] sections) =>
            [.. sections.SelectMany(s => s.Quotes).Select(q => (q.Kind, q.Content, q.SpeakerCanonical))];
    }

    protected override QuoteResult Scratch(string text) => QuoteExtractor.Extract(text);

    protected override string Describe(QuoteResult result)
    {
        var sb = new StringBuilder();
        foreach (Quote q in result.Quotes)
        {
            sb.Append(q).Append('\n');
        }

        foreach (QuoteDiagnostic d in result.Diagnostics)
        {
            sb.Append(d).Append('\n');
        }

        return sb.ToString();
    }
}
