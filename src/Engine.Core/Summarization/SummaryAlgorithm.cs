namespace Engine.Summarization;

/// <summary>How sentences are scored.</summary>
public enum SummaryAlgorithm : byte
{
    /// <summary>The engine's own: centrality, position, title overlap and length combined, with redundancy control.</summary>
    Engine = 0,
    /// <summary>The first sentences, in order, until the budget is full.</summary>
    Lead,
    /// <summary>TextRank (Mihalcea and Tarau 2004): PageRank over word-overlap similarity.</summary>
    TextRank,
    /// <summary>LexRank (Erkan and Radev 2004): PageRank over thresholded tf-idf cosine similarity.</summary>
    LexRank,
}
