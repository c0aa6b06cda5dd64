namespace Engine.Summarization;

/// <summary>Options for one summary. Immutable; <see cref="Default"/> is the engine algorithm at 20% of the words.</summary>
public sealed record SummarizerOptions
{
    /// <summary>The defaults.</summary>
    public static SummarizerOptions Default { get; } = new();

    /// <summary>The length budget. Default: 20% of the words.</summary>
    public SummaryBudget Budget { get; init; } = SummaryBudget.Default;

    /// <summary>The scoring algorithm. Default: <see cref="SummaryAlgorithm.Engine"/>.</summary>
    public SummaryAlgorithm Algorithm { get; init; } = SummaryAlgorithm.Engine;

    /// <summary>An explicit title; when null, the text's own title line (if any) is used.</summary>
    public string? Title { get; init; }

    /// <summary>Whether to return every sentence's score and features, not only the chosen ones.</summary>
    public bool Explain { get; init; }

    /// <summary>The engine's feature weights.</summary>
    public FeatureWeights Weights { get; init; } = FeatureWeights.Default;
}
