namespace Engine.Lexing;

/// <summary>Facts about a token found while lexing it, so later stages need not look again.</summary>
[Flags]
public enum TokenFlags : ushort
{
    /// <summary>Nothing to note.</summary>
    None = 0,
    /// <summary>The word holds harakat or other Arabic marks.</summary>
    HasDiacritics = 1 << 0,
    /// <summary>The word holds tatweel (U+0640).</summary>
    HasTatweel = 1 << 1,
    /// <summary>The word holds ZWNJ or ZWJ.</summary>
    HasJoiner = 1 << 2,
    /// <summary>The word holds a letter that normalization rewrites (أ إ آ ٱ ى ة); with the three above, says whether the normalizer has work to do.</summary>
    HasVariantLetter = 1 << 3,
    /// <summary>A quote mark that opens a quotation (“ « ‘ „ ‹).</summary>
    QuoteOpen = 1 << 4,
    /// <summary>A quote mark that closes a quotation (” » ’ ›).</summary>
    QuoteClose = 1 << 5,
    /// <summary>A quote mark with no direction of its own (" ').</summary>
    QuoteAmbiguous = QuoteOpen | QuoteClose,
    /// <summary>Punctuation that can end a sentence (. ! ? ؟ …).</summary>
    SentenceTerminal = 1 << 6,
    /// <summary>An ellipsis (… or a run of two or more full stops).</summary>
    Ellipsis = 1 << 7,
    /// <summary>A number written with Arabic-Indic (٠-٩) or Extended Arabic-Indic (۰-۹) digits.</summary>
    ArabicDigits = 1 << 8,
    /// <summary>A number with a decimal or thousands separator.</summary>
    HasSeparator = 1 << 9,
    /// <summary>A number shaped like a date (2021/7/26).</summary>
    Date = 1 << 10,
    /// <summary>A line break of two or more line terminators (a blank line).</summary>
    BlankLine = 1 << 11,
    /// <summary>A word in upper case (an acronym or an abbreviation candidate).</summary>
    UpperCase = 1 << 12,
}
