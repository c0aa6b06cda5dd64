namespace Engine.Server;

/// <summary>
/// The server's limits and access settings, bound from the "Engine" configuration section
/// (appsettings.json next to the server's binary, environment variables <c>Engine__…</c>, command
/// line <c>--Engine:…</c>). Every value is checked when the server starts; a bad one stops it with
/// one line naming the setting.
/// </summary>
public sealed class EngineServerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Engine";

    /// <summary>The largest text accepted, in UTF-8 bytes. Default 4 MiB; larger texts get RESOURCE_EXHAUSTED.</summary>
    public int MaxTextBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How many documents the Documents store keeps; the least recently used is evicted beyond it. Default 1,000.</summary>
    public int MaxDocuments { get; set; } = 1000;

    /// <summary>
    /// The estimated live memory of every open document together, in bytes; the least recently
    /// used documents are evicted beyond it. Default 256 MiB.
    /// </summary>
    public long MaxDocumentBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>How many documents one principal may hold open; one more open gets RESOURCE_EXHAUSTED. Default 100.</summary>
    public int MaxDocumentsPerPrincipal { get; set; } = 100;

    /// <summary>How long a document may sit unused before it is evicted. Default 30 minutes.</summary>
    public TimeSpan DocumentIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How many documents of one SummarizeBatch stream are processed at once. Default: the number of cores.</summary>
    public int BatchConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>How many analyses run at once across every call. Default: twice the number of cores.</summary>
    public int MaxConcurrentAnalyses { get; set; } = 2 * Environment.ProcessorCount;

    /// <summary>How many analyses may wait for a free slot; one more gets RESOURCE_EXHAUSTED at once. Default 64.</summary>
    public int MaxQueuedAnalyses { get; set; } = 64;

    /// <summary>
    /// The largest response, in bytes of its encoded message. Default 4 MiB, the receive limit of
    /// most gRPC clients; a larger response gets RESOURCE_EXHAUSTED naming what narrows it.
    /// </summary>
    public int MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The most diagnostics in one response; the rest are counted in <c>Stats.diagnostics_omitted</c>. Default 100.</summary>
    public int MaxDiagnostics { get; set; } = 100;

    /// <summary>The longest <c>id</c> or <c>document_id</c>, in UTF-8 bytes. Default 256.</summary>
    public int MaxIdBytes { get; set; } = 256;

    /// <summary>The longest <c>title</c>, in UTF-8 bytes. Default 4 KiB.</summary>
    public int MaxTitleBytes { get; set; } = 4 * 1024;

    /// <summary>
    /// The deadline of a call that carries none (for Documents.Edit and SummarizeBatch: of each
    /// message's analysis). Default 30 seconds.
    /// </summary>
    public TimeSpan DefaultDeadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The callers' keys: principal name → SHA-256 of the key, as 64 hex digits (<c>printf %s KEY | sha256sum</c>).
    /// With any key configured, every engine call needs <c>authorization: Bearer KEY</c> metadata.
    /// </summary>
    public Dictionary<string, string> ApiKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether the server may listen on a non-loopback address without keys. Default false: such a
    /// server refuses to start, since anyone who reaches the port could use it.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Every problem with these values, one line each (empty when they are all valid).</summary>
    /// <summary>
    /// Where the JSON routes, the OpenAPI document and the page are served (HTTP/1.1 and HTTP/2);
    /// empty: nowhere. gRPC stays on the server's URLs (HTTP/2 only).
    /// </summary>
    public string HttpUrl { get; set; } = "http://127.0.0.1:8080";

    public IEnumerable<string> Problems()
    {
        if (HttpUrl.Length > 0 && !Uri.TryCreate(HttpUrl.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out _))
        {
            yield return $"Engine:HttpUrl must be a URL such as http://127.0.0.1:8080, or empty for none (got '{HttpUrl}').";
        }

        foreach (var (name, value) in new (string, long)[]
        {
            (nameof(MaxTextBytes), MaxTextBytes), (nameof(MaxDocuments), MaxDocuments), (nameof(MaxDocumentBytes), MaxDocumentBytes),
            (nameof(MaxDocumentsPerPrincipal), MaxDocumentsPerPrincipal), (nameof(BatchConcurrency), BatchConcurrency),
            (nameof(MaxConcurrentAnalyses), MaxConcurrentAnalyses), (nameof(MaxResponseBytes), MaxResponseBytes),
            (nameof(MaxIdBytes), MaxIdBytes), (nameof(MaxTitleBytes), MaxTitleBytes),
        })
        {
            if (value < 1)
            {
                yield return $"{Section}:{name} must be at least 1 (got {value}).";
            }
        }

        foreach (var (name, value) in new (string, long)[] { (nameof(MaxQueuedAnalyses), MaxQueuedAnalyses), (nameof(MaxDiagnostics), MaxDiagnostics) })
        {
            if (value < 0)
            {
                yield return $"{Section}:{name} must be 0 or more (got {value}).";
            }
        }

        foreach (var (name, value) in new[] { (nameof(DocumentIdleTimeout), DocumentIdleTimeout), (nameof(DefaultDeadline), DefaultDeadline) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{Section}:{name} must be a positive duration such as 00:00:30 (got {value}).";
            }
        }

        foreach (var (principal, hash) in ApiKeys)
        {
            if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
            {
                yield return $"{Section}:ApiKeys:{principal} must be the SHA-256 of the key as 64 hex digits (printf %s KEY | sha256sum).";
            }
        }
    }
}
