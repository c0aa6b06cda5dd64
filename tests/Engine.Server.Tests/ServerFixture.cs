using Engine.Grpc.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Server.Tests;

/// <summary>A real Kestrel server on a free loopback port, started in-process, with a channel to it.</summary>
public class ServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public GrpcChannel Channel { get; private set; } = null!;

    public string Address { get; private set; } = "";

    public Summarizer.SummarizerClient Summarizer => new(Channel);

    public Documents.DocumentsClient Documents => new(Channel);

    /// <summary>Extra configuration, ASP.NET command-line style.</summary>
    protected virtual string[] Arguments => [];

    public async Task InitializeAsync()
    {
        _app = EngineServer.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. Arguments]);
        await _app.StartAsync();
        Address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions { MaxReceiveMessageSize = null, MaxSendMessageSize = null });
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
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
