using System.Diagnostics;
using Grpc.Core;

namespace Engine.Server.Internal;

/// <summary>
/// What every RPC shares: timing, metrics, logs, and the mapping of failures to status codes
/// (cancellation to CANCELLED, anything unexpected to INTERNAL without leaking details).
/// </summary>
internal sealed class RpcHandler(EngineMetrics metrics, ILogger<RpcHandler> logger)
{
    public EngineMetrics Metrics => metrics;

    public ILogger Logger => logger;

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
            Log.Rejected(logger, method, status, e.Status.Detail);
            throw;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            status = context.Deadline <= DateTime.UtcNow ? nameof(StatusCode.DeadlineExceeded) : nameof(StatusCode.Cancelled);
            Log.Cancelled(logger, method);
            throw new RpcException(new Status(status == nameof(StatusCode.Cancelled) ? StatusCode.Cancelled : StatusCode.DeadlineExceeded, $"{method} was cancelled before it finished."));
        }
        catch (Exception e)
        {
            status = nameof(StatusCode.Internal);
            Log.Failed(logger, method, e);
            throw new RpcException(new Status(StatusCode.Internal, $"{method} failed on the server; the request was not processed."));
        }
        finally
        {
            metrics.Request(method, status, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    public Task RunAsync(string method, ServerCallContext context, Func<Task> work) =>
        RunAsync<bool>(method, context, async () =>
        {
            await work().ConfigureAwait(false);
            return true;
        });
}
