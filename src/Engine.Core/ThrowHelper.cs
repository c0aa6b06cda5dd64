using System.Diagnostics.CodeAnalysis;

namespace Engine;

/// <summary>Throws from out-of-line methods so the hot methods that call them stay small enough to inline.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowDestinationTooShort(string paramName) =>
        throw new ArgumentException("The destination is shorter than the source.", paramName);

    [DoesNotReturn]
    public static void ThrowArgumentOutOfRange(string paramName, string message) =>
        throw new ArgumentOutOfRangeException(paramName, message);
}
