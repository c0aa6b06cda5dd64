namespace Engine.Quotes;

/// <summary>How a statement is reported.</summary>
public enum QuoteKind : byte
{
    /// <summary>The source's words inside quote marks.</summary>
    Direct = 0,
    /// <summary>Reported speech without quote marks.</summary>
    Indirect,
    /// <summary>Reported speech that carries a quoted fragment.</summary>
    Mixed,
}
