using System.Diagnostics;
using System.Threading.RateLimiting;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Engine.Server.Internal;

/// <summary>
/// What every RPC shares: timing, metrics, logs, the mapping of failures to status codes
/// (cancellation to CANCELLED, anything unexpected to INTERNAL without leaking details), and the
/// bounds on each analysis: a slot among <see cref="EngineServerOptions.MaxConcurrentAnalyses"/>,
/// the call's deadline or else <see cref="EngineServerOptions.DefaultDeadline"/>, the server's
/// shutdown, and <see cref="EngineServerOptions.MaxResponseBytes"/>.
/// </summary>
internal sealed class RpcHandler : IDisposable
{
    private readonly EngineMetrics _metrics;
    private readonly ILogger<RpcHandler> _logger;
    private readonly EngineServerOptions _options;
    private readonly CancellationToken _stopping;
    private readonly ConcurrencyLimiter _analyses;

    public RpcHandler(EngineMetrics metrics, ILogger<RpcHandler> logger, IOptions<EngineServerOptions> options, IHostApplicationLifetime lifetime)
    {
        _metrics = metrics;
        _logger = logger;
        _options = options.Value;
        _stopping = lifetime.ApplicationStopping;
        _analyses = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _options.MaxConcurrentAnalyses,
            QueueLimit = _options.MaxQueuedAnalyses,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public ILogger Logger => _logger;

    public async Task<T> RunAsync<T>(string method, ServerCallContext context, Func<Task<T>> work)
    {
        long start = Stopwatch.GetTimestamp();
        string status = "OK";
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            status = e.StatusCode.ToString();
            Log.Rejected(_logger, method, status, e.Status.Detail);
            throw;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && context.CancellationToken.IsCancellationRequested)
        {
            // Cancelled, past its deadline, or reset by the client (a stream's read then fails with an IOException).
            status = context.Deadline <= DateTime.UtcNow ? nameof(StatusCode.DeadlineExceeded) : nameof(StatusCode.Cancelled);
            Log.Cancelled(_logger, method);
            throw new RpcException(new Status(status == nameof(StatusCode.Cancelled) ? StatusCode.Cancelled : StatusCode.DeadlineExceeded, $"{method} was cancelled before it finished."));
        }
        catch (Exception e)
        {
            status = nameof(StatusCode.Internal);
            Log.Failed(_logger, method, e);
            throw new RpcException(new Status(StatusCode.Internal, $"{method} failed on the server; the request was not processed."));
        }
        finally
        {
            _metrics.Request(method, status, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
    }

    public Task RunAsync(string method, ServerCallContext context, Func<Task> work) =>
        RunAsync<bool>(method, context, async () =>
        {
            await work().ConfigureAwait(false);
            return true;
        });

    /// <summary>
    /// Runs one analysis of <paramref name="method"/> once a slot is free (RESOURCE_EXHAUSTED when
    /// the queue is full too). <paramref name="work"/> gets a token cancelled by the call (its
    /// deadline included), by the default deadline when the call has none, and by shutdown.
    /// </summary>
    public async Task<T> AnalyzeAsync<T>(string method, CancellationToken call, bool callHasDeadline, Func<CancellationToken, Task<T>> work)
    {
        using var bounds = CancellationTokenSource.CreateLinkedTokenSource(call, _stopping);
        if (!callHasDeadline)
        {
            bounds.CancelAfter(_options.DefaultDeadline);
        }

        try
        {
            using RateLimitLease lease = await _analyses.AcquireAsync(1, bounds.Token).ConfigureAwait(false);
            if (!lease.IsAcquired)
            {
                throw new RpcException(new Status(StatusCode.ResourceExhausted, $"{method}: the server is running {_options.MaxConcurrentAnalyses} analyses with {_options.MaxQueuedAnalyses} waiting (Engine:MaxConcurrentAnalyses, Engine:MaxQueuedAnalyses); retry later."));
            }

            return await work(bounds.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (bounds.IsCancellationRequested && !call.IsCancellationRequested)
        {
            throw _stopping.IsCancellationRequested
                ? new RpcException(new Status(StatusCode.Unavailable, $"{method}: the server is shutting down; retry on another server."))
                : new RpcException(new Status(StatusCode.DeadlineExceeded, $"{method} took longer than the server's default deadline of {_options.DefaultDeadline.TotalSeconds:0.###} s (Engine:DefaultDeadline); send a deadline of your own or less text."));
        }
    }

    /// <summary>Runs one analysis of a call (see the overload above); the default deadline applies when the call sent none.</summary>
    public Task<T> AnalyzeAsync<T>(string method, ServerCallContext context, Func<CancellationToken, Task<T>> work) =>
        AnalyzeAsync(method, context.CancellationToken, context.Deadline != DateTime.MaxValue, work);

    /// <inheritdoc cref="AnalyzeAsync{T}(string, ServerCallContext, Func{CancellationToken, Task{T}})"/>
    public Task<T> AnalyzeAsync<T>(string method, ServerCallContext context, Func<CancellationToken, T> work) =>
        AnalyzeAsync(method, context, ct => Task.FromResult(work(ct)));

    /// <summary>Rejects a response larger than <see cref="EngineServerOptions.MaxResponseBytes"/>, naming what the client can change.</summary>
    public T Bounded<T>(string method, T response, string narrowing)
        where T : IMessage
    {
        int bytes = response.CalculateSize();
        if (bytes > _options.MaxResponseBytes)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"{method}: the response would be {bytes} bytes; the limit is {_options.MaxResponseBytes} bytes (Engine:MaxResponseBytes). {narrowing}"));
        }

        return response;
    }

    public void Dispose() => _analyses.Dispose();
}
