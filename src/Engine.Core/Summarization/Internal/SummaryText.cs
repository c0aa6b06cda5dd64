using Engine.Text;

namespace Engine.Summarization.Internal;

/// <summary>The text a summary is of: a string, or a version of a document (made a string only if asked for).</summary>
internal readonly struct SummaryText
{
    private readonly string? _text;
    private readonly SourceText? _source;

    private SummaryText(string? text, SourceText? source) => (_text, _source) = (text, source);

    public static implicit operator SummaryText(string text) => new(text, null);

    public static implicit operator SummaryText(SourceText source) => new(null, source);

    public Summary Make(IReadOnlyList<ScoredSentence> selected, IReadOnlyList<ScoredSentence>? all, int documentWords, int summaryWords) =>
        _source is not null ? new Summary(_source, selected, all, documentWords, summaryWords) : new Summary(_text!, selected, all, documentWords, summaryWords);
}
