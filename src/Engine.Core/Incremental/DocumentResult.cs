using Engine.Analysis;
using Engine.Keyphrases;
using Engine.Quotes;
using Engine.Summarization;
using Engine.Text;

namespace Engine.Incremental;

/// <summary>Which analyses a <see cref="DocumentResult"/> holds.</summary>
[Flags]
public enum DocumentParts
{
    /// <summary>None.</summary>
    None = 0,
    /// <summary>The summary (<see cref="DocumentResult.Summary"/>).</summary>
    Summary = 1 << DocumentResult.SummarySlot,
    /// <summary>The quotes and their diagnostics (<see cref="DocumentResult.Quotes"/>).</summary>
    Quotes = 1 << DocumentResult.QuotesSlot,
    /// <summary>The key terms and phrases (<see cref="DocumentResult.Keyphrases"/>).</summary>
    Keyphrases = 1 << DocumentResult.KeyphrasesSlot,
    /// <summary>Every analysis.</summary>
    All = Summary | Quotes | Keyphrases,
}

/// <summary>
/// The analysis of a document (or of one version of an edited document): its summary, its quotes,
/// its keyphrases and how many sentences it has. Each part is a per-section analysis (<see cref="SectionAnalysis"/>)
/// in a slot of its own; a new one is a slot, a <see cref="DocumentParts"/> flag, a line in
/// <see cref="Analyses"/> and a property here.
/// </summary>
public sealed class DocumentResult
{
    internal const int SummarySlot = 0;
    internal const int QuotesSlot = 1;
    internal const int KeyphrasesSlot = 2;

    private readonly DocumentText _text;
    private readonly object?[] _results;
    private SourceText? _source;

    internal DocumentResult(DocumentText text, object?[] results, int sentenceCount)
    {
        _text = text;
        _source = text.Source;
        _results = results;
        SentenceCount = sentenceCount;
    }

    /// <summary>The version's text (for a text analysed once, made on first use).</summary>
    public SourceText Source => _source ??= SourceText.From(_text.ToString());

    /// <summary>The text as one string (for an edited document, built on first use).</summary>
    public string Text => _text.ToString();

    /// <summary>The summary (throws unless <see cref="DocumentParts.Summary"/> was asked for).</summary>
    public Summary Summary => Get<Summary>(SummarySlot);

    /// <summary>The quotes and their diagnostics (throws unless <see cref="DocumentParts.Quotes"/> was asked for).</summary>
    public QuoteResult Quotes => Get<QuoteResult>(QuotesSlot);

    /// <summary>The key terms and phrases, best first (throws unless <see cref="DocumentParts.Keyphrases"/> was asked for).</summary>
    public IReadOnlyList<Keyphrase> Keyphrases => Get<IReadOnlyList<Keyphrase>>(KeyphrasesSlot);

    /// <summary>How many sentences the text has (title and headings included).</summary>
    public int SentenceCount { get; }

    /// <summary>Whether the result holds <paramref name="parts"/>.</summary>
    public bool Has(DocumentParts parts)
    {
        for (int slot = 0; slot < _results.Length; slot++)
        {
            if (((int)parts & (1 << slot)) != 0 && _results[slot] is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Analyses a whole text once: each section on its own, then placed, exactly as an editing
    /// session would (the same result as <see cref="DocumentSession.Open"/>, and as
    /// <c>Summarizer.Summarize</c> and <c>QuoteExtractor.Extract</c> for their parts). Only
    /// <paramref name="parts"/> are computed. <paramref name="cancellationToken"/> is checked between
    /// sections and analyses.
    /// </summary>
    public static DocumentResult Analyze(TextAnalysis analysis, SummarizerOptions? options = null, DocumentParts parts = DocumentParts.All, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        SectionAnalysis?[] analyses = Analyses(options ?? SummarizerOptions.Default, parts);
        int count = analysis.SectionCount;
        var layout = new SectionLayout(new int[count], new int[count]);
        for (int i = 0; i < count; i++)
        {
            layout.Starts[i] = analysis.SectionStart(i);
            layout.FirstSentences[i] = analysis.SectionFirstSentence(i);
        }

        object?[] results = new object?[analyses.Length];
        object[] sectionParts = new object[count];
        for (int k = 0; k < analyses.Length; k++)
        {
            if (analyses[k] is not { } a)
            {
                continue;
            }

            int made = 0;
            using System.Diagnostics.Activity? span = EngineTelemetry.Source.StartActivity("engine." + a.Name);
            try
            {
                for (; made < count; made++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    sectionParts[made] = a.Analyze(count == 1 ? analysis : analysis.Section(made), cancellationToken);
                }

                results[k] = a.Place(analysis.Text, sectionParts, layout);
            }
            finally
            {
                for (int i = 0; i < made; i++)
                {
                    a.Release(sectionParts[i]);
                }
            }
        }

        return new DocumentResult(analysis.Text, results, analysis.Sentences.Length);
    }

    /// <summary>The analyses of <paramref name="parts"/> by slot (null where not asked for), summarizing with <paramref name="options"/>.</summary>
    internal static SectionAnalysis?[] Analyses(SummarizerOptions options, DocumentParts parts) =>
    [
        (parts & DocumentParts.Summary) != 0 ? new SummaryAnalysis(options) : null,
        (parts & DocumentParts.Quotes) != 0 ? new QuoteAnalysis() : null,
        (parts & DocumentParts.Keyphrases) != 0 ? new KeyphraseAnalysis() : null,
    ];

    /// <summary>The result in slot <paramref name="slot"/>, or null when it was not asked for.</summary>
    internal object? Result(int slot) => _results[slot];

    private T Get<T>(int slot) where T : class =>
        _results[slot] as T ?? throw new InvalidOperationException($"This result does not hold {(DocumentParts)(1 << slot)}: ask for it in DocumentResult.Analyze.");
}

/// <summary>What an edit cost and changed.</summary>
/// <param name="SentencesReused">Sentences whose tokens and term ids were carried over from the previous version.</param>
/// <param name="SentencesAnalyzed">Sentences lexed again for this version (holding a token the edit touched, or in a section whose bounds moved).</param>
/// <param name="SummarySentencesAdded">Summary sentences that are new in this version (an old one the edit overlapped counts as new).</param>
/// <param name="SummarySentencesRemoved">Summary sentences that left the summary.</param>
/// <param name="QuotesAdded">Quotes (by content, speaker and kind) that are new.</param>
/// <param name="QuotesRemoved">Quotes that are gone.</param>
/// <param name="SectionsReused">Sections (<see cref="Text.TextSections"/>) whose analysis, features and quotes were carried over.</param>
/// <param name="SectionsAnalyzed">Sections whose features and quotes were computed for this version (their sentences' tokens are still reused where the edit did not touch them).</param>
public readonly record struct EditStats(
    int SentencesReused, int SentencesAnalyzed, int SummarySentencesAdded, int SummarySentencesRemoved, int QuotesAdded, int QuotesRemoved,
    int SectionsReused = 0, int SectionsAnalyzed = 0);

/// <summary>A new version and what changed to reach it.</summary>
public sealed record EditResult(long Version, DocumentResult Result, EditStats Stats);
