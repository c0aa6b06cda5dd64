namespace Engine.Quotes.Internal;

/// <summary>What a cue's verb form or a source's head word says about gender and number.</summary>
internal enum Agreement : byte
{
    /// <summary>Nothing is shown: agrees with any form.</summary>
    Unknown,
    /// <summary>A masculine person or group: قال، مضيفا; الوزير، أوستن، المسؤولون.</summary>
    Masculine,
    /// <summary>A feminine or non-human plural source: قالت، مضيفة; الوزارة، المتحدثة، السلطات.</summary>
    Feminine,
}
