using Engine.Grpc.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Cli;

/// <summary>
/// Servers a batch is sent to (<c>--server URL[,URL…]</c>): one channel over all of them with
/// grpc-dotnet's client-side load balancing (round robin over a static resolver, or over DNS for a
/// single <c>dns:///host:port</c>), so each call goes to the next server that is up. A call that
/// fails because its server went away is retried, on another server once the lost one is marked down.
/// </summary>
internal sealed class RemoteEngine : IDisposable
{
    /// <summary>How often one document is tried before its line reports the failure.</summary>
    private const int MaxAttempts = 6;

    private readonly GrpcChannel _channel;
    private readonly ServiceProvider? _services;
    private readonly Summarizer.SummarizerClient _client;

    private RemoteEngine(GrpcChannel channel, int servers, ServiceProvider? services = null)
    {
        _channel = channel;
        _services = services;
        _client = new Summarizer.SummarizerClient(channel);
        Window = 8 * servers;
    }

    /// <summary>Documents in flight: eight per server (each server uses every core it has).</summary>
    public int Window { get; }

    /// <summary>The servers of <paramref name="servers"/>, or null after saying on one line why they cannot be used.</summary>
    public static RemoteEngine? Create(string servers, TextWriter error)
    {
        string[] given = servers.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (given.Length == 1 && given[0].StartsWith("dns:///", StringComparison.Ordinal))
        {
            // Every address the name resolves to, re-resolved as servers come and go.
            return new RemoteEngine(GrpcChannel.ForAddress(given[0], Options(ChannelCredentials.Insecure, services: null)), servers: 1);
        }

        var addresses = new List<Uri>();
        foreach (string server in given)
        {
            if (!Uri.TryCreate(server, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
            {
                error.WriteLine($"engine: --server expects http(s)://host:port[,…] or dns:///host:port (got '{server}')");
                return null;
            }

            addresses.Add(uri);
        }

        if (addresses.Count == 0 || addresses.Select(a => a.Scheme).Distinct().Count() > 1)
        {
            error.WriteLine(addresses.Count == 0 ? "engine: --server names no server" : "engine: --server mixes http and https; give servers of one scheme");
            return null;
        }

        ServiceProvider services = new ServiceCollection()
            .AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => [.. addresses.Select(a => new BalancerAddress(a.Host, a.Port))]))
            .BuildServiceProvider();
        ChannelCredentials credentials = addresses[0].Scheme == "https" ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
        return new RemoteEngine(GrpcChannel.ForAddress("static:///engine", Options(credentials, services)), addresses.Count, services);
    }

    private static GrpcChannelOptions Options(ChannelCredentials credentials, IServiceProvider? services) => new()
    {
        Credentials = credentials,
        ServiceProvider = services,
        MaxReceiveMessageSize = null,
        ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } },
    };

    /// <summary>
    /// Sends one request; a server lost before or during the call (UNAVAILABLE) means another try,
    /// after a short pause that lets the balancer mark it down. Any other answer is final.
    /// </summary>
    public async Task<SummarizeResponse> SummarizeAsync(SummarizeRequest request, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await _client.SummarizeAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 << attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException e)
            {
                throw new InvalidOperationException($"the server answered {e.StatusCode}: {e.Status.Detail}", e);
            }
        }
    }

    public void Dispose()
    {
        _channel.Dispose();
        _services?.Dispose();
    }
}
