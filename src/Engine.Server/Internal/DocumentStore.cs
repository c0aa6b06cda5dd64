using System.Collections.Concurrent;
using Engine.Incremental;
using Microsoft.Extensions.Options;
using CoreOffsetUnit = Engine.Text.OffsetUnit;

namespace Engine.Server.Internal;

/// <summary>An open document: its session and how the client counts offsets.</summary>
internal sealed class StoredDocument(DocumentSession session, CoreOffsetUnit unit, bool explain)
{
    public DocumentSession Session { get; } = session;

    public CoreOffsetUnit Unit { get; } = unit;

    public bool Explain { get; } = explain;

    public long LastUsedTicks { get; private set; } = Environment.TickCount64;

    /// <summary>A store-wide counter value at the last use: orders documents for LRU eviction even within one clock tick.</summary>
    public long LastUsedSequence { get; private set; }

    public void Touch(long sequence)
    {
        LastUsedTicks = Environment.TickCount64;
        LastUsedSequence = sequence;
    }
}

/// <summary>
/// The server-side documents of the Documents service, keyed by document_id and shared by every
/// stream, so a client that reconnects carries on where it left off. Bounded: at most
/// <see cref="EngineServerOptions.MaxDocuments"/> documents (the least recently used goes first)
/// and none idle longer than <see cref="EngineServerOptions.DocumentIdleTimeout"/>.
/// </summary>
internal sealed class DocumentStore(IOptions<EngineServerOptions> options, EngineMetrics metrics, ILogger<DocumentStore> logger)
{
    private readonly ConcurrentDictionary<string, StoredDocument> _documents = new(StringComparer.Ordinal);
    private readonly Lock _evictionGate = new();
    private long _sequence;

    public int Count => _documents.Count;

    public bool TryGet(string id, out StoredDocument document)
    {
        Sweep();
        if (_documents.TryGetValue(id, out StoredDocument? found))
        {
            found.Touch(Interlocked.Increment(ref _sequence));
            document = found;
            return true;
        }

        document = null!;
        return false;
    }

    public bool TryAdd(string id, StoredDocument document)
    {
        Sweep();
        document.Touch(Interlocked.Increment(ref _sequence));
        if (!_documents.TryAdd(id, document))
        {
            document.Session.Dispose();
            return false;
        }

        metrics.DocumentsChanged(1);
        lock (_evictionGate)
        {
            while (_documents.Count > options.Value.MaxDocuments)
            {
                var oldest = _documents.Where(d => d.Key != id).MinBy(d => d.Value.LastUsedSequence);
                if (oldest.Key is null)
                {
                    break;
                }

                Remove(oldest.Key, "over the document limit");
            }
        }

        return true;
    }

    public bool Remove(string id, string reason = "closed")
    {
        if (!_documents.TryRemove(id, out StoredDocument? removed))
        {
            return false;
        }

        removed.Session.Dispose();
        metrics.DocumentsChanged(-1);
        if (reason != "closed")
        {
            Log.Evicted(logger, id, reason);
        }

        return true;
    }

    /// <summary>Evicts documents idle for longer than the timeout.</summary>
    public void Sweep()
    {
        long limit = (long)options.Value.DocumentIdleTimeout.TotalMilliseconds;
        long now = Environment.TickCount64;
        foreach (var (id, document) in _documents)
        {
            if (now - document.LastUsedTicks > limit)
            {
                Remove(id, "idle");
            }
        }
    }
}
