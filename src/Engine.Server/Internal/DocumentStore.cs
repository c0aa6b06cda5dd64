using System.Collections.Concurrent;
using Engine.Incremental;
using Microsoft.Extensions.Options;
using CoreOffsetUnit = Engine.Text.OffsetUnit;

namespace Engine.Server.Internal;

/// <summary>Who holds a document and what they call it: a document is reachable only by the principal that opened it.</summary>
internal readonly record struct DocumentKey(string Principal, string Id);

/// <summary>
/// An open document: its session, how the client counts offsets, which response fields it reads,
/// whether it is answered in deltas (then the last result sent, which the next delta is against),
/// and its estimated live size.
/// </summary>
internal sealed class StoredDocument(DocumentSession session, CoreOffsetUnit unit, IReadOnlySet<string>? fields, bool deltas)
{
    /// <summary>
    /// Live bytes per UTF-16 code unit of a session's text, measured over news text (100 KB of
    /// UTF-8): the text, its tokens, sentences, term vectors, summary features and quotes, and the
    /// session's term table.
    /// </summary>
    public const int BytesPerChar = 30;

    /// <summary>Live bytes of a kept wire result per byte of its encoding (objects, strings in UTF-16).</summary>
    private const int BytesPerWireByte = 3;

    public DocumentSession Session { get; } = session;

    /// <summary>Held while a change is applied and answered.</summary>
    public Lock Gate { get; } = new();

    public CoreOffsetUnit Unit { get; } = unit;

    /// <summary>The SummarizeResponse fields the client reads (null: every one).</summary>
    public IReadOnlySet<string>? Fields { get; } = fields;

    /// <summary>Whether changes are answered with a DocumentDelta.</summary>
    public bool Deltas { get; } = deltas;

    /// <summary>In delta mode, the result of the current version as the client holds it; null otherwise.</summary>
    public Grpc.V1.SummarizeResponse? Last { get; set; }

    /// <summary>The estimated live size of the session; updated after each edit.</summary>
    public long Bytes { get; private set; } = Estimate(session, null);

    public long LastUsedTicks { get; private set; } = Environment.TickCount64;

    /// <summary>A store-wide counter value at the last use: orders documents for LRU eviction even within one clock tick.</summary>
    public long LastUsedSequence { get; private set; }

    public void Touch(long sequence)
    {
        LastUsedTicks = Environment.TickCount64;
        LastUsedSequence = sequence;
    }

    /// <summary>Re-estimates the size after an edit; returns the change.</summary>
    public long Resize()
    {
        long before = Bytes;
        Bytes = Estimate(Session, Last);
        return Bytes - before;
    }

    private static long Estimate(DocumentSession session, Grpc.V1.SummarizeResponse? last) =>
        (long)session.Source.Length * BytesPerChar + (last is null ? 0 : (long)last.CalculateSize() * BytesPerWireByte);
}

/// <summary>
/// The server-side documents of the Documents service, keyed by principal and document_id and
/// shared by every stream, so a client that reconnects carries on where it left off. Bounded: at
/// most <see cref="EngineServerOptions.MaxDocuments"/> documents and
/// <see cref="EngineServerOptions.MaxDocumentBytes"/> estimated bytes (the least recently used
/// go first), <see cref="EngineServerOptions.MaxDocumentsPerPrincipal"/> per principal, and none
/// idle longer than <see cref="EngineServerOptions.DocumentIdleTimeout"/>.
/// </summary>
internal sealed class DocumentStore(IOptions<EngineServerOptions> options, EngineMetrics metrics, ILogger<DocumentStore> logger) : IDisposable
{
    private readonly ConcurrentDictionary<DocumentKey, StoredDocument> _documents = new();
    private readonly ConcurrentDictionary<string, int> _perPrincipal = new(StringComparer.Ordinal);
    private readonly Lock _evictionGate = new();
    private long _sequence;
    private long _bytes;
    private long _releasedSinceCollection;

    public int Count => _documents.Count;

    /// <summary>The estimated live bytes of every open document.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public bool Contains(DocumentKey key) => _documents.ContainsKey(key);

    /// <summary>How many documents <paramref name="principal"/> holds open.</summary>
    public int CountOf(string principal) => _perPrincipal.TryGetValue(principal, out int n) ? n : 0;

    public bool TryGet(DocumentKey key, out StoredDocument document)
    {
        Sweep();
        if (_documents.TryGetValue(key, out StoredDocument? found))
        {
            found.Touch(Interlocked.Increment(ref _sequence));
            document = found;
            return true;
        }

        document = null!;
        return false;
    }

    public bool TryAdd(DocumentKey key, StoredDocument document)
    {
        Sweep();
        document.Touch(Interlocked.Increment(ref _sequence));
        if (!_documents.TryAdd(key, document))
        {
            document.Session.Dispose();
            return false;
        }

        _perPrincipal.AddOrUpdate(key.Principal, 1, static (_, n) => n + 1);
        Interlocked.Add(ref _bytes, document.Bytes);
        metrics.DocumentsChanged(1);
        Evict(key);
        return true;
    }

    /// <summary>Counts a document's new size after an edit, evicting others if the store is now over its byte limit.</summary>
    public void Resized(DocumentKey key, StoredDocument document)
    {
        long change = document.Resize();
        if (change != 0 && _documents.ContainsKey(key))
        {
            Interlocked.Add(ref _bytes, change);
            Evict(key);
        }
    }

    /// <summary>The reason given when a session's grain lets go of its live copy (the session lives on elsewhere).</summary>
    public const string HandedOver = "handed over";

    public bool Remove(DocumentKey key, string reason = "closed")
    {
        if (!_documents.TryRemove(key, out StoredDocument? removed))
        {
            return false;
        }

        _perPrincipal.AddOrUpdate(key.Principal, 0, static (_, n) => n - 1);
        _perPrincipal.TryRemove(new KeyValuePair<string, int>(key.Principal, 0));
        Interlocked.Add(ref _bytes, -removed.Bytes);
        removed.Session.Dispose();
        metrics.DocumentsChanged(-1);
        if (reason is not ("closed" or HandedOver))
        {
            Log.Evicted(logger, key.Id, reason);
        }

        if (reason is "closed" or "idle" or HandedOver)
        {
            Released(removed.Bytes);
        }

        return true;
    }

    /// <summary>
    /// Gives memory back once closed and idle documents add up to a quarter of the store's limit
    /// (at least 64 MiB): their arrays sit in the oldest generation, which light traffic never
    /// collects, so a full compacting collection runs in the background and the runtime returns the
    /// freed pages to the system. Documents evicted to make room are not counted: new ones take
    /// their place.
    /// </summary>
    private void Released(long bytes)
    {
        long threshold = Math.Max(64L << 20, options.Value.MaxDocumentBytes / 4);
        if (Interlocked.Add(ref _releasedSinceCollection, bytes) < threshold)
        {
            return;
        }

        Interlocked.Exchange(ref _releasedSinceCollection, 0);
        _ = Task.Run(static () =>
        {
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        });
    }

    /// <summary>Evicts documents idle for longer than the timeout.</summary>
    public void Sweep()
    {
        long limit = (long)options.Value.DocumentIdleTimeout.TotalMilliseconds;
        long now = Environment.TickCount64;
        foreach (var (key, document) in _documents)
        {
            if (now - document.LastUsedTicks > limit)
            {
                Remove(key, "idle");
            }
        }
    }

    /// <summary>Evicts the least recently used documents (never <paramref name="keep"/>) while the store is over either limit.</summary>
    private void Evict(DocumentKey keep)
    {
        EngineServerOptions limits = options.Value;
        lock (_evictionGate)
        {
            while (_documents.Count > limits.MaxDocuments || Bytes > limits.MaxDocumentBytes)
            {
                var oldest = _documents.Where(d => d.Key != keep).MinBy(d => d.Value.LastUsedSequence);
                if (oldest.Value is null)
                {
                    break;
                }

                Remove(oldest.Key, _documents.Count > limits.MaxDocuments ? "over the document limit" : "over the memory limit");
            }
        }
    }

    /// <summary>Closes every document when the server stops, returning their pooled buffers.</summary>
    public void Dispose()
    {
        foreach (DocumentKey key in _documents.Keys)
        {
            Remove(key);
        }
    }
}
