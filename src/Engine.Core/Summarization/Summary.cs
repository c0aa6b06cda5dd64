using Engine.Text;

namespace Engine.Summarization;

/// <summary>An extractive summary: sentences copied verbatim from the text, in document order.</summary>
public sealed class Summary
{
    private readonly DocumentText _source;
    private string? _text;

    /// <summary>A summary of <paramref name="text"/> (a string, or a document version whose text is built only if asked for).</summary>
    internal static Summary Create(DocumentText text, IReadOnlyList<ScoredSentence> sentences, IReadOnlyList<ScoredSentence>? all, int documentWords, int summaryWords) =>
        new(text, sentences, all, documentWords, summaryWords);

    private Summary(DocumentText text, IReadOnlyList<ScoredSentence> sentences, IReadOnlyList<ScoredSentence>? all, int documentWords, int summaryWords)
    {
        _source = text;
        Sentences = sentences;
        AllSentences = all ?? [];
        DocumentWords = documentWords;
        SummaryWords = summaryWords;
    }

    /// <summary>The summarized text.</summary>
    public string Text => _text ??= _source.ToString();

    /// <summary>The chosen sentences, in document order.</summary>
    public IReadOnlyList<ScoredSentence> Sentences { get; }

    /// <summary>Every body sentence with its score and features (filled when explaining).</summary>
    public IReadOnlyList<ScoredSentence> AllSentences { get; }

    /// <summary>Words in the document's body.</summary>
    public int DocumentWords { get; }

    /// <summary>Words in the summary.</summary>
    public int SummaryWords { get; }

    /// <summary>The chosen sentences' texts.</summary>
    public IEnumerable<string> SentenceTexts => Sentences.Select(TextOf);

    /// <summary>The text of sentence <paramref name="sentence"/> (of this summary), read without joining a document version's text.</summary>
    public string TextOf(ScoredSentence sentence) => _text is not null ? _text[sentence.Start..sentence.End] : _source.Slice(sentence.Start, sentence.End);

    /// <summary>The summary as one string, sentences joined by a space.</summary>
    public override string ToString() => string.Join(' ', SentenceTexts);
}
