namespace Engine.Server;

/// <summary>The server's limits, bound from the "Engine" configuration section (appsettings, environment, command line).</summary>
public sealed class EngineServerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Engine";

    /// <summary>The largest text accepted, in UTF-8 bytes. Default 4 MiB; larger texts get RESOURCE_EXHAUSTED.</summary>
    public int MaxTextBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How many documents the Documents store keeps; the least recently used is evicted beyond it. Default 1,000.</summary>
    public int MaxDocuments { get; set; } = 1000;

    /// <summary>How long a document may sit unused before it is evicted. Default 30 minutes.</summary>
    public TimeSpan DocumentIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How many documents of one SummarizeBatch stream are processed at once. Default: the number of cores.</summary>
    public int BatchConcurrency { get; set; } = Environment.ProcessorCount;
}
