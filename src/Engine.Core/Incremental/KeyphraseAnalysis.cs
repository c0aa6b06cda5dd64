using System.Globalization;
using Engine.Analysis;
using Engine.Keyphrases;
using Engine.Text;

namespace Engine.Incremental;

/// <summary>
/// The keyphrases as a per-section analysis: each section's candidates and counts, ranked over the
/// document. The document's counts are kept between versions (<see cref="KeyphraseTotals"/>: an
/// instance serves one session, whose edits are serialized), so placing a version costs the
/// sections that changed and the ranking, not a recount of every section.
/// </summary>
internal sealed class KeyphraseAnalysis : SectionAnalysis<KeyphraseSection, IReadOnlyList<Keyphrase>>
{
    private KeyphraseTotals? _totals;

    public override string Name => "keyphrases";

    protected override KeyphraseSection AnalyzeSection(TextAnalysis section, CancellationToken cancellationToken) => KeyphraseSection.Analyze(section, cancellationToken);

    protected override IReadOnlyList<Keyphrase> Place(DocumentText text, KeyphraseSection[] parts, SectionLayout layout)
    {
        KeyphraseTotals totals = _totals ?? new KeyphraseTotals();
        _totals = null; // until the counts are whole again: a failure here leaves a recount for next time
        totals.Update(parts);
        _totals = totals;
        return totals.Rank(parts, KeyphraseExtractor.DefaultCount);
    }

    protected override IReadOnlyList<Keyphrase> Scratch(string text) => KeyphraseExtractor.Extract(text);

    protected override string Describe(IReadOnlyList<Keyphrase> result) =>
        string.Join('\n', result.Select(k => k.Text + " " + k.Score.ToString("R", CultureInfo.InvariantCulture)));
}
