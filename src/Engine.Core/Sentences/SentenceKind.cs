namespace Engine.Sentences;

/// <summary>What role a sentence plays in the document.</summary>
public enum SentenceKind : byte
{
    /// <summary>A sentence of the body text.</summary>
    Body = 0,
    /// <summary>The headline: the first short line without terminal punctuation.</summary>
    Title,
    /// <summary>Another short line without terminal punctuation (kicker, deck or subhead).</summary>
    Heading,
    /// <summary>
    /// The outlet's furniture, not the story: a byline or credit (عين اليوم – متابعات), a tag line
    /// (سمات …), a link line (رابط الخبر …), a dateline or wire trailer (… واس، // انتهى //، 17:06 ت م).
    /// Never summarized and never read for quotes.
    /// </summary>
    Boilerplate,
}
