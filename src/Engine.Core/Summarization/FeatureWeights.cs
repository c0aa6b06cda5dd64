namespace Engine.Summarization;

/// <summary>
/// How the engine combines sentence features into one score, and how hard it avoids redundancy.
/// The defaults were tuned by grid search on the dev splits only: the EASC dev split at ratio 0.33
/// (maximizing ROUGE-1 + ROUGE-2 F) with the news dev split at ratio 0.2 kept above Lead.
/// </summary>
public sealed record FeatureWeights
{
    /// <summary>The tuned defaults.</summary>
    public static FeatureWeights Default { get; } = new();

    /// <summary>Weight of LexRank centrality (normalized to the most central sentence).</summary>
    public double Centrality { get; init; } = 0.3;

    /// <summary>Weight of position (1 for the first body sentence, decaying after).</summary>
    public double Position { get; init; } = 1.0;

    /// <summary>How fast position decays: feature = 1 / (1 + index)^decay.</summary>
    public double PositionDecay { get; init; } = 0.3;

    /// <summary>Weight of starting a paragraph (news paragraphs open with their point).</summary>
    public double ParagraphStart { get; init; } = 0.2;

    /// <summary>Weight of cosine similarity with the title.</summary>
    public double TitleOverlap { get; init; } = 1.2;

    /// <summary>Weight of the length feature (short sentences carry little).</summary>
    public double Length { get; init; } = 0.3;

    /// <summary>A sentence of at least this many words gets the full length feature.</summary>
    public int FullLengthWords { get; init; } = 25;

    /// <summary>MMR redundancy penalty: score − Redundancy × (max similarity to a sentence already chosen).</summary>
    public double Redundancy { get; init; } = 0.6;

    /// <summary>A sentence at least this similar (cosine) to one already chosen is a near-duplicate and never chosen.</summary>
    public double DuplicateThreshold { get; init; } = 0.8;
}
