namespace Engine.Summarization.Internal;

/// <summary>A section's scores placed in its document: where it starts and the index of its first sentence.</summary>
internal readonly record struct PlacedSection(SectionScores Scores, int Start, int FirstSentence);
