namespace Engine.Lexing;

/// <summary>What a <see cref="Token"/> is. Whitespace is not a token: it is what lies between tokens.</summary>
public enum TokenKind : byte
{
    /// <summary>No token (the default value).</summary>
    None = 0,
    /// <summary>Arabic letters with their diacritics, tatweel, joiners and attached clitics.</summary>
    ArabicWord,
    /// <summary>A word in Latin (or another non-Arabic) script, possibly with digits, apostrophes or inner hyphens.</summary>
    LatinWord,
    /// <summary>ASCII, Arabic-Indic or Extended Arabic-Indic digits, with decimal, thousands and date separators.</summary>
    Number,
    /// <summary>Punctuation; <see cref="TokenFlags.SentenceTerminal"/> marks the marks that can end a sentence.</summary>
    Punctuation,
    /// <summary>One quote mark; its flags say whether it opens, closes or could do either.</summary>
    QuoteMark,
    /// <summary>An http(s) or www. address.</summary>
    Url,
    /// <summary>An e-mail address.</summary>
    Email,
    /// <summary>#word, in any script.</summary>
    Hashtag,
    /// <summary>@handle.</summary>
    Mention,
    /// <summary>Symbols, emoji, control characters, lone surrogates and stray marks.</summary>
    Symbol,
    /// <summary>One or more line breaks: the end of a paragraph.</summary>
    LineBreak,
}
