namespace Engine.Server.Cluster;

/// <summary>
/// One editing session, keyed by its owner and its id (<see cref="DocumentGrainKey"/>): Orleans runs
/// a single activation of it in the cluster, so every server reaches the same session, one message
/// at a time. Messages cross as protobuf bytes (an <c>EditRequest</c> in, a <c>DocumentUpdate</c>
/// out) and a refusal as its status code and message.
/// </summary>
public interface IDocumentGrain : IGrainWithStringKey
{
    /// <summary>Applies one open, change or close of this document.</summary>
    Task<EditOutcome> Edit(byte[] request, CancellationToken cancellationToken = default);
}

/// <summary>The answer to one message: an update (none for a close), or the status code and message refusing it.</summary>
[GenerateSerializer]
[Immutable]
public sealed record EditOutcome([property: Id(0)] int Code, [property: Id(1)] string? Detail, [property: Id(2)] byte[]? Update);

/// <summary>What is stored of an open document before an accepted version is answered: enough to analyse it again elsewhere.</summary>
[GenerateSerializer]
public sealed class DocumentState
{
    /// <summary>The accepted version's text; null when the document is not open.</summary>
    [Id(0)]
    public string? Text { get; set; }

    /// <summary>The session's options as given at open (a serialized <c>DocumentOptions</c>; empty for none).</summary>
    [Id(1)]
    public byte[] Options { get; set; } = [];

    /// <summary>The accepted version's number.</summary>
    [Id(2)]
    public long Version { get; set; }
}

/// <summary>A grain key holds the owner and the document id, so a document of one caller is never reachable by another.</summary>
internal static class DocumentGrainKey
{
    private const char Separator = '\u001F';

    public static string Of(string principal, string id) => principal + Separator + id;

    public static Internal.DocumentKey Parse(string key)
    {
        int at = key.IndexOf(Separator, StringComparison.Ordinal);
        return new Internal.DocumentKey(key[..at], key[(at + 1)..]);
    }
}
