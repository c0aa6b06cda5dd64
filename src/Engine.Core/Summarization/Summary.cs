namespace Engine.Summarization;

/// <summary>An extractive summary: sentences copied verbatim from the text, in document order.</summary>
public sealed class Summary
{
    internal Summary(string text, ScoredSentence[] sentences, ScoredSentence[]? all, int documentWords, int summaryWords)
    {
        Text = text;
        Sentences = sentences;
        AllSentences = all ?? [];
        DocumentWords = documentWords;
        SummaryWords = summaryWords;
    }

    /// <summary>The summarized text.</summary>
    public string Text { get; }

    /// <summary>The chosen sentences, in document order.</summary>
    public IReadOnlyList<ScoredSentence> Sentences { get; }

    /// <summary>Every body sentence with its score and features (filled when explaining).</summary>
    public IReadOnlyList<ScoredSentence> AllSentences { get; }

    /// <summary>Words in the document's body.</summary>
    public int DocumentWords { get; }

    /// <summary>Words in the summary.</summary>
    public int SummaryWords { get; }

    /// <summary>The chosen sentences' texts.</summary>
    public IEnumerable<string> SentenceTexts => Sentences.Select(s => Text[s.Start..s.End]);

    /// <summary>The summary as one string, sentences joined by a space.</summary>
    public override string ToString() => string.Join(' ', SentenceTexts);
}
