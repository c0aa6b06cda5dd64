namespace Engine.Keyphrases;

/// <summary>A key term or phrase of a document: its text as first written, and its score (the best is 1).</summary>
public readonly record struct Keyphrase(string Text, double Score);
