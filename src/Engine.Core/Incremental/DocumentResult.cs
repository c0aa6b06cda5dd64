using Engine.Quotes;
using Engine.Summarization;

namespace Engine.Incremental;

/// <summary>The analysis of one version of a document: its summary, its quotes and how many sentences it has.</summary>
public sealed record DocumentResult(string Text, Summary Summary, QuoteResult Quotes, int SentenceCount);

/// <summary>What an edit cost and changed.</summary>
/// <param name="SentencesReused">Sentences whose analysis was carried over from the previous version.</param>
/// <param name="SentencesAnalyzed">Sentences analysed for this version.</param>
/// <param name="SummarySentencesAdded">Summary sentences (by text) that are new in this version.</param>
/// <param name="SummarySentencesRemoved">Summary sentences (by text) that left the summary.</param>
/// <param name="QuotesAdded">Quotes (by content, speaker and kind) that are new.</param>
/// <param name="QuotesRemoved">Quotes that are gone.</param>
public readonly record struct EditStats(int SentencesReused, int SentencesAnalyzed, int SummarySentencesAdded, int SummarySentencesRemoved, int QuotesAdded, int QuotesRemoved);

/// <summary>A new version and what changed to reach it.</summary>
public sealed record EditResult(long Version, DocumentResult Result, EditStats Stats);
