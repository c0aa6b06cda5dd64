namespace Engine.Keyphrases;

/// <summary>A key term or phrase of a document: its shortest written form (the one with fewest clitics), and its score (the best is 1).</summary>
public readonly record struct Keyphrase(string Text, double Score);
