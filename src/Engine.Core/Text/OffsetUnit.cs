namespace Engine.Text;

/// <summary>How offsets into a text are counted.</summary>
public enum OffsetUnit : byte
{
    /// <summary>UTF-16 code units: the engine's own unit, and .NET's, Java's and JavaScript's.</summary>
    Utf16 = 0,
    /// <summary>Unicode code points (Python).</summary>
    CodePoint,
    /// <summary>UTF-8 bytes (Go, Rust, C).</summary>
    Utf8,
}
