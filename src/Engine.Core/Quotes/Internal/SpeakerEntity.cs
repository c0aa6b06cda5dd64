namespace Engine.Quotes.Internal;

/// <summary>One source in an article: every mention seen so far, the fullest one, and its name.</summary>
internal sealed class SpeakerEntity
{
    public required TextSpan Fullest { get; set; }

    public required string Name { get; set; }

    public HashSet<string> Stems { get; } = new(StringComparer.Ordinal);

    public TextSpan LastMention { get; set; }

    /// <summary>The last token of <see cref="LastMention"/>: how recently the source was named.</summary>
    public int LastToken { get; set; }

    /// <summary>The grammatical gender its mentions show (a title, a ة ending, a plural), or unknown.</summary>
    public Agreement Agreement { get; set; }
}
