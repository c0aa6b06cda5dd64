namespace Engine.Summarization.Internal;

/// <summary>
/// One scoring algorithm (<see cref="SummaryAlgorithm"/>), in the three places an algorithm
/// differs: a section's own features (<see cref="ScoreSection"/>), a sentence's document score
/// (<see cref="Score"/>), and the selection (<see cref="InDocumentOrder"/>,
/// <see cref="RedundancyPenalty"/>, <see cref="UsesDocumentFeatures"/>). Everything else (sections,
/// budget, greedy selection, the result) is shared. A new algorithm is a subclass and a line in
/// <see cref="For"/>.
/// </summary>
internal abstract class ScoringStrategy
{
    private static readonly ScoringStrategy s_engine = new EngineScoring();
    private static readonly ScoringStrategy s_lead = new LeadScoring();
    private static readonly ScoringStrategy s_textRank = new GraphRankScoring(SimilarityKind.Overlap, 0);
    private static readonly ScoringStrategy s_lexRank = new GraphRankScoring(SimilarityKind.Cosine, GraphRankScoring.LexRankThreshold);

    /// <summary>The strategy of <paramref name="algorithm"/>.</summary>
    public static ScoringStrategy For(SummaryAlgorithm algorithm) => algorithm switch
    {
        SummaryAlgorithm.Lead => s_lead,
        SummaryAlgorithm.TextRank => s_textRank,
        SummaryAlgorithm.LexRank => s_lexRank,
        _ => s_engine,
    };

    /// <summary>Whether the document-wide features apply: the title's overlap and the position in the document.</summary>
    public virtual bool UsesDocumentFeatures => false;

    /// <summary>Whether the summary is the first sentences in document order rather than the best.</summary>
    public virtual bool InDocumentOrder => false;

    /// <summary>The MMR penalty on a sentence's similarity to one already chosen (0: none).</summary>
    public virtual double RedundancyPenalty(FeatureWeights weights) => 0;

    /// <summary>
    /// Builds the section's similarity graph (if the algorithm uses one) and fills each body
    /// sentence's centrality and length features.
    /// </summary>
    public abstract void ScoreSection(SectionScores section, Span<double> centrality, Span<double> length, FeatureWeights weights);

    /// <summary>
    /// The document score of body sentence <paramref name="i"/> of <paramref name="section"/> and the
    /// features it reports (redundancy is filled by the selection).
    /// </summary>
    /// <param name="section">The sentence's section.</param>
    /// <param name="i">Its index among the section's body sentences.</param>
    /// <param name="position">The position feature of its index in the document's body (0 unless <see cref="UsesDocumentFeatures"/>).</param>
    /// <param name="share">The section's share of the document's body sentences.</param>
    /// <param name="fromEnd">How many body sentences of the document start at or after it.</param>
    /// <param name="weights">The feature weights.</param>
    /// <param name="features">The features to report.</param>
    public abstract double Score(SectionScores section, int i, double position, double share, int fromEnd, FeatureWeights weights, out SentenceFeatures features);
}

/// <summary>The engine's own: centrality, position, paragraph start, title overlap and length, with redundancy control.</summary>
internal sealed class EngineScoring : ScoringStrategy
{
    public override bool UsesDocumentFeatures => true;

    public override double RedundancyPenalty(FeatureWeights weights) => weights.Redundancy;

    public override void ScoreSection(SectionScores section, Span<double> centrality, Span<double> length, FeatureWeights weights)
    {
        section.Graph.Build(section.Analysis, section.Body, SimilarityKind.Cosine, 0);
        section.Rank(centrality);
        double max = 0;
        foreach (double c in centrality)
        {
            max = Math.Max(max, c);
        }

        ReadOnlySpan<int> words = section.WordCounts;
        for (int b = 0; b < centrality.Length; b++)
        {
            centrality[b] = max > 0 ? centrality[b] / max : 0;
            length[b] = Math.Min(1.0, (double)words[b] / weights.FullLengthWords);
        }
    }

    public override double Score(SectionScores section, int i, double position, double share, int fromEnd, FeatureWeights weights, out SentenceFeatures features)
    {
        FeatureWeights w = weights;
        features = new SentenceFeatures(section.Centrality[i], position, section.TitleOverlap[i], section.Length[i], 0, section.ParagraphStart[i]);
        return (w.Centrality * features.Centrality) + (w.Position * features.Position) + (w.TitleOverlap * features.TitleOverlap) + (w.Length * features.Length)
            + (w.ParagraphStart * features.ParagraphStart);
    }
}

/// <summary>Lead: the first sentences, in order, until the budget is full.</summary>
internal sealed class LeadScoring : ScoringStrategy
{
    public override bool InDocumentOrder => true;

    public override void ScoreSection(SectionScores section, Span<double> centrality, Span<double> length, FeatureWeights weights)
    {
    }

    public override double Score(SectionScores section, int i, double position, double share, int fromEnd, FeatureWeights weights, out SentenceFeatures features)
    {
        features = new SentenceFeatures(0, 0, 0, 0, 0, section.ParagraphStart[i]);
        return fromEnd;
    }
}

/// <summary>TextRank and LexRank: PageRank over a section's similarity graph, nothing else.</summary>
internal sealed class GraphRankScoring(SimilarityKind similarity, double threshold) : ScoringStrategy
{
    /// <summary>Edges below this cosine are left out of LexRank's graph (Erkan and Radev's 0.1).</summary>
    public const double LexRankThreshold = 0.1;

    public override void ScoreSection(SectionScores section, Span<double> centrality, Span<double> length, FeatureWeights weights)
    {
        section.Graph.Build(section.Analysis, section.Body, similarity, threshold);
        section.Rank(centrality);
    }

    public override double Score(SectionScores section, int i, double position, double share, int fromEnd, FeatureWeights weights, out SentenceFeatures features)
    {
        features = new SentenceFeatures(0, 0, 0, 0, 0, section.ParagraphStart[i]);

        // A section's ranks sum to 1; weighted by its share they compare across sections.
        return section.Centrality[i] * share;
    }
}
