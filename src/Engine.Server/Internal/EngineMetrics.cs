using System.Diagnostics.Metrics;
using Engine.Buffers;

namespace Engine.Server.Internal;

/// <summary>The server's metrics (meter "Engine.Server"): requests, latency, documents in the store, pool use.</summary>
internal sealed class EngineMetrics : IDisposable
{
    public const string MeterName = "Engine.Server";

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _latency;
    private readonly UpDownCounter<long> _documents;

    public EngineMetrics(IMeterFactory factory)
    {
        _meter = factory.Create(MeterName);
        _requests = _meter.CreateCounter<long>("engine.requests", description: "RPCs handled, by method and status code.");
        _latency = _meter.CreateHistogram<double>("engine.request.duration", unit: "s", description: "Time to handle one request (one document; for streams of documents, one message).");
        _documents = _meter.CreateUpDownCounter<long>("engine.documents", description: "Documents held by the Documents store.");
        _meter.CreateObservableGauge("engine.pool.arrays_outstanding", () => EnginePools.Statistics.ArraysOutstanding, description: "Pooled arrays rented and not returned (those held by pooled analyses included).");
        _meter.CreateObservableGauge("engine.pool.analyses_in_use", () => EnginePools.Statistics.AnalysesInUse, description: "Per-request analysis objects in use.");
        _meter.CreateObservableGauge("engine.pool.analyses_alive", () => EnginePools.Statistics.AnalysesAlive, description: "Analysis objects alive (in use or pooled).");
    }

    public void Request(string method, string status, double elapsedSeconds)
    {
        _requests.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("status", status));
        _latency.Record(elapsedSeconds, new KeyValuePair<string, object?>("method", method));
    }

    public void DocumentsChanged(long delta) => _documents.Add(delta);

    public void Dispose() => _meter.Dispose();
}
