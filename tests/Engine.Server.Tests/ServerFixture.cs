using Engine.Grpc.V1;
using Grpc.Net.Client;

namespace Engine.Server.Tests;

/// <summary>A real Kestrel server on a free loopback port, started in-process, with a channel to it, shared by a test collection.</summary>
public class ServerFixture : IAsyncLifetime
{
    private OneOffServer? _server;

    public GrpcChannel Channel => _server!.Channel;

    public string Address => _server!.Address;

    public Summarizer.SummarizerClient Summarizer => new(Channel);

    public Documents.DocumentsClient Documents => new(Channel);

    /// <summary>Extra configuration, ASP.NET command-line style.</summary>
    protected virtual string[] Arguments => [];

    public async Task InitializeAsync() => _server = await OneOffServer.StartAsync(Arguments);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>A server with small limits, to reach them cheaply.</summary>
public sealed class SmallLimitsServerFixture : IAsyncLifetime
{
    private readonly LimitedServer _inner = new();

    public ServerFixture Server => _inner;

    public Task InitializeAsync() => _inner.InitializeAsync();

    public Task DisposeAsync() => _inner.DisposeAsync();

    private sealed class LimitedServer : ServerFixture
    {
        protected override string[] Arguments => ["--Engine:MaxTextBytes=20000", "--Engine:MaxDocuments=2"];
    }
}
