namespace Engine.Analysis;

/// <summary>A term id and how often it occurs in one sentence.</summary>
internal readonly record struct TermCount(int Term, int Count);
