using Engine.Server.Internal;
using Engine.Server.Services;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Engine.Server;

/// <summary>Builds the gRPC host: services, health checking, reflection, limits and metrics.</summary>
public static class EngineServer
{
    /// <summary>The address used when neither --urls nor Kestrel endpoints are configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:50051";

    /// <summary>Builds the application from command-line <paramref name="args"/> (ASP.NET configuration syntax).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
        IConfiguration config = builder.Configuration;

        // gRPC without TLS needs HTTP/2 on every endpoint (no ALPN to negotiate it); an endpoint
        // configured with a certificate (Kestrel:Endpoints:*:Certificate) serves TLS instead.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));
        if (string.IsNullOrEmpty(config["urls"]) && string.IsNullOrEmpty(config["ASPNETCORE_URLS"]) && !config.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.Configure<EngineServerOptions>(config.GetSection(EngineServerOptions.Section));
        var limits = config.GetSection(EngineServerOptions.Section).Get<EngineServerOptions>() ?? new EngineServerOptions();
        builder.Services.AddGrpc(grpc =>
        {
            // Room for the text limit plus the message's other fields, so that our own check,
            // with its clearer message, is what rejects an oversized text.
            grpc.MaxReceiveMessageSize = limits.MaxTextBytes + (1 << 20);
            grpc.MaxSendMessageSize = null;
            grpc.EnableDetailedErrors = false;
        });
        builder.Services.AddGrpcHealthChecks().AddCheck("engine", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
        builder.Services.AddGrpcReflection();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<EngineMetrics>();
        builder.Services.AddSingleton<RpcHandler>();
        builder.Services.AddSingleton<Requests>();
        builder.Services.AddSingleton<DocumentStore>();
        configure?.Invoke(builder);

        WebApplication app = builder.Build();
        app.MapGrpcService<SummarizerService>();
        app.MapGrpcService<DocumentsService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.MapGet("/", () => "Engine gRPC server (HTTP/2). The contract is protos/engine/v1/engine.proto.");
        return app;
    }
}
