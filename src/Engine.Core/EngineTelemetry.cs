using System.Diagnostics;

namespace Engine;

/// <summary>
/// The engine's traces: an <see cref="ActivitySource"/> named <see cref="SourceName"/> with a span
/// per stage of an analysis: <c>engine.analyze</c> (tokens, sentences and terms of a text, tagged
/// with its length) and one per part of a result (<c>engine.summary</c>, <c>engine.quotes</c>,
/// <c>engine.keyphrases</c>). A host subscribes to it (OpenTelemetry's <c>AddSource</c>); without a
/// listener a span costs one check.
/// </summary>
public static class EngineTelemetry
{
    /// <summary>The name of the engine's activity source.</summary>
    public const string SourceName = "Engine";

    internal static readonly ActivitySource Source = new(SourceName);
}
