namespace Engine.Summarization;

/// <summary>The features behind one sentence's score, each in [0, 1].</summary>
public readonly record struct SentenceFeatures(double Centrality, double Position, double TitleOverlap, double Length, double Redundancy, double ParagraphStart = 0);
