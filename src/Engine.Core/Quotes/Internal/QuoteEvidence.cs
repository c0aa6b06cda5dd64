namespace Engine.Quotes.Internal;

/// <summary>Which rule found a quote.</summary>
internal enum CueRule : byte
{
    /// <summary>A speech verb with its reported clause: وقال فلان إنّ …، أكّد أنّ …</summary>
    SpeechVerb,
    /// <summary>A stance verb with a noun-phrase object: أكّد سقوط …، أعرب عن قلقه، دعا … إلى.</summary>
    StanceObject,
    /// <summary>A participle continuing a source: مضيفا أنّ …، مشيرا إلى …</summary>
    Participle,
    /// <summary>An attribution phrase: بحسب، وفقا لـ، نقلا عن، على لسان، جاء في.</summary>
    Attribution,
    /// <summary>An attribution after the words it attributes: …، على حدّ قوله.</summary>
    TrailingAttribution,
    /// <summary>A quotation followed by its verb: «…»، قال فلان.</summary>
    QuoteFirst,
}

/// <summary>How a quote's speaker was found.</summary>
internal enum SpeakerRule : byte
{
    /// <summary>Written after the cue, as its subject.</summary>
    Written,
    /// <summary>Written before the verb, or as the antecedent of a relative: جين ساكي قالت، فؤاد حسين الذي قال.</summary>
    BeforeVerb,
    /// <summary>The source of the sentence's main clause: لكنه شدد، بعدما أكد، قائلاً.</summary>
    ClauseSource,
    /// <summary>A known source named earlier in the sentence.</summary>
    NamedInSentence,
    /// <summary>The source of the current thread, agreeing with the cue's form: وأضاف.</summary>
    Thread,
    /// <summary>The last source, though the cue's form does not agree with it.</summary>
    ThreadDisagreeing,
    /// <summary>No source found.</summary>
    None,
}

/// <summary>The rules behind a quote: the features its confidence is computed from.</summary>
internal readonly record struct QuoteEvidence(CueRule Cue, SpeakerRule Speaker);
