using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Server.Tests;

/// <summary>A server with settings of its own for one test, on a free loopback port; disposing it stops it.</summary>
public sealed class OneOffServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OneOffServer(WebApplication app, string address, GrpcChannel channel)
    {
        _app = app;
        Address = address;
        Channel = channel;
    }

    public string Address { get; }

    public GrpcChannel Channel { get; }

    public Engine.Grpc.V1.Summarizer.SummarizerClient Summarizer => new(Channel);

    public Engine.Grpc.V1.Documents.DocumentsClient Documents => new(Channel);

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server with <paramref name="arguments"/> (ASP.NET command-line style) on http://127.0.0.1:0 unless they name other URLs.</summary>
    public static async Task<OneOffServer> StartAsync(string[] arguments, HttpMessageHandler? handler = null, Action<WebApplicationBuilder>? configure = null)
    {
        string[] urls = arguments.Any(a => a.StartsWith("--urls", StringComparison.Ordinal) || a.StartsWith("--Kestrel:", StringComparison.Ordinal)) ? [] : ["--urls", "http://127.0.0.1:0"];
        string[] http = arguments.Any(a => a.StartsWith("--Engine:HttpUrl", StringComparison.Ordinal)) ? [] : ["--Engine:HttpUrl="]; // no JSON endpoint unless asked for
        WebApplication app = EngineServer.Build([.. urls, .. http, "--Logging:LogLevel:Default=Warning", .. arguments], configure);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = null, MaxSendMessageSize = null, HttpHandler = handler });
        return new OneOffServer(app, address, channel);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
