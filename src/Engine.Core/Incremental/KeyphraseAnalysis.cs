using System.Globalization;
using Engine.Analysis;
using Engine.Keyphrases;
using Engine.Text;

namespace Engine.Incremental;

/// <summary>The keyphrases as a per-section analysis: each section's candidates and counts, ranked over the document.</summary>
internal sealed class KeyphraseAnalysis : SectionAnalysis<KeyphraseSection, IReadOnlyList<Keyphrase>>
{
    public override string Name => "keyphrases";

    protected override KeyphraseSection AnalyzeSection(TextAnalysis section, CancellationToken cancellationToken) => KeyphraseSection.Analyze(section, cancellationToken);

    protected override IReadOnlyList<Keyphrase> Place(DocumentText text, KeyphraseSection[] parts, SectionLayout layout) =>
        KeyphraseExtractor.Combine(parts, KeyphraseExtractor.DefaultCount);

    protected override IReadOnlyList<Keyphrase> Scratch(string text) => KeyphraseExtractor.Extract(text);

    protected override string Describe(IReadOnlyList<Keyphrase> result) =>
        string.Join('\n', result.Select(k => k.Text + " " + k.Score.ToString("R", CultureInfo.InvariantCulture)));
}
