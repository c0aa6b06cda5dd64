using System.Net;
using Engine.Server.Internal;
using Engine.Server.Services;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Engine.Server;

/// <summary>Builds the gRPC host: services, authentication, health checking, reflection, limits and metrics.</summary>
public static class EngineServer
{
    /// <summary>The address used when neither --urls nor Kestrel endpoints are configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:50051";

    /// <summary>How long a stopping server waits for calls in flight; analyses still running are cancelled first.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Builds the application from command-line <paramref name="args"/> (ASP.NET configuration syntax).
    /// Settings are read from appsettings.json next to the server's binary, whatever the current
    /// directory. Throws <see cref="EngineConfigurationException"/> when a setting is invalid.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        IConfiguration config = builder.Configuration;

        // gRPC without TLS needs HTTP/2 on every endpoint (no ALPN to negotiate it); an endpoint
        // configured with a certificate (Kestrel:Endpoints:*:Certificate) serves TLS instead. The
        // JSON routes and the page have an endpoint of their own that also speaks HTTP/1.1.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));
        IReadOnlyList<string> urls = Urls(config);
        if (urls.Count == 0)
        {
            builder.WebHost.UseUrls(DefaultUrl);
            urls = [DefaultUrl];
        }

        EngineServerOptions limits = Bind(config);
        if (limits.HttpUrl.Length > 0)
        {
            ListenForHttp(builder, config, urls, limits.HttpUrl);
            urls = [.. urls, limits.HttpUrl];
        }

        if (limits.ApiKeys.Count == 0 && !limits.AllowAnonymous && urls.FirstOrDefault(u => !IsLoopback(u)) is { } open)
        {
            throw new EngineConfigurationException(
                $"refusing to listen on {open} without authentication: configure Engine:ApiKeys (see README) or pass --Engine:AllowAnonymous=true.");
        }

        // Analyses hold thread-pool threads for their whole run; enough more must stay free for
        // Kestrel's I/O and for the timers that cancel analyses at their deadlines, or a deadline
        // fires only when the pool injects a thread (about every half second).
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, limits.MaxConcurrentAnalyses + (2 * Environment.ProcessorCount)), io);

        builder.Services.Configure<EngineServerOptions>(config.GetSection(EngineServerOptions.Section));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddGrpcSwagger();
        builder.Services.AddSwaggerGen(swagger => swagger.SwaggerDoc("v1", new Microsoft.OpenApi.Models.OpenApiInfo
        {
            Title = "Engine: Arabic news summaries, quotes and keyphrases",
            Version = "v1",
            Description = "JSON over HTTP for the engine's gRPC services (protos/engine/v1/http.proto); bodies and answers in the protobuf JSON mapping.",
        }));
        builder.Services.AddGrpc(grpc =>
        {
            // Room for the text limit plus the message's other fields, so that our own check,
            // with its clearer message, is what rejects an oversized text.
            grpc.MaxReceiveMessageSize = limits.MaxTextBytes + (1 << 20);
            grpc.MaxSendMessageSize = null;
            grpc.EnableDetailedErrors = false;
        }).AddJsonTranscoding();
        // Health answers for the server as a whole ("") and for each engine service by its full name.
        builder.Services.AddGrpcHealthChecks(health =>
        {
            foreach (string service in new[] { "", Grpc.V1.Summarizer.Descriptor.FullName, Grpc.V1.Documents.Descriptor.FullName })
            {
                health.Services.Map(service, _ => true);
            }
        }).AddCheck("engine", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
        builder.Services.AddGrpcReflection();

        // Every service is bound with request marshallers that answer an undecodable message with INVALID_ARGUMENT.
        // (Only grpc-dotnet's own binder is replaced: JSON transcoding's provider stays.)
        foreach (ServiceDescriptor binder in builder.Services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>)
            && d.ImplementationType?.Name.StartsWith("BinderServiceMethodProvider", StringComparison.Ordinal) == true).ToList())
        {
            builder.Services.Remove(binder);
        }

        builder.Services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(CheckedMessages<>));

        builder.Services.AddAuthentication(BearerKeys.SchemeName).AddScheme<AuthenticationSchemeOptions, BearerKeys>(BearerKeys.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddMetrics();
        AddTelemetry(builder, config);
        builder.Services.AddSingleton<EngineMetrics>();
        builder.Services.AddSingleton<RpcHandler>();
        builder.Services.AddSingleton<Requests>();
        builder.Services.AddSingleton<DocumentStore>();
        UseCluster(builder, config, limits);
        configure?.Invoke(builder);

        WebApplication app = builder.Build();

        // `curl -d '{…}'` sends JSON labelled as a form: a JSON route reads a body so labelled (or
        // unlabelled) as the JSON it is.
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/v1")
                && (context.Request.ContentType is not { } type || type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)))
            {
                context.Request.ContentType = "application/json";
            }

            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        var summarizer = app.MapGrpcService<SummarizerService>();
        var documents = app.MapGrpcService<DocumentsService>();
        var http = app.MapGrpcService<HttpService>();
        if (limits.ApiKeys.Count > 0)
        {
            summarizer.RequireAuthorization();
            documents.RequireAuthorization();
            http.RequireAuthorization();
        }

        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.MapGet("/openapi.json", (Swashbuckle.AspNetCore.Swagger.ISwaggerProvider swagger) =>
        {
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            swagger.GetSwagger("v1").SerializeAsV3(new Microsoft.OpenApi.Writers.OpenApiJsonWriter(writer));
            return Results.Text(writer.ToString(), "application/json");
        });
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }

    /// <summary>
    /// Co-hosts an Orleans silo, which holds the editing sessions (<see cref="Cluster.DocumentGrain"/>).
    /// With no cluster settings it is a cluster of one: localhost clustering on a port this process
    /// picks (Engine:Cluster:SiloPort fixes it; no gateway unless Engine:Cluster:GatewayPort names
    /// one) and in-memory storage. With Engine:Cluster:Redis every server given the same Redis (and
    /// cluster id) joins one cluster (<see cref="RedisCluster"/>): Redis holds the membership table
    /// and each session's last accepted version, so a session outlives the server that held it.
    /// </summary>
    private static void UseCluster(WebApplicationBuilder builder, IConfiguration config, EngineServerOptions limits)
    {
        int siloPort = config.GetValue("Engine:Cluster:SiloPort", 0) is > 0 and var s ? s : FreePort();
        // The gateway serves Orleans clients, and the servers have none (callers use gRPC): off unless asked for.
        int gatewayPort = config.GetValue("Engine:Cluster:GatewayPort", 0) is > 0 and var g ? g : 0;
        RedisCluster? redis = RedisCluster.From(config);
        string clusterId = config["Engine:Cluster:ClusterId"] ?? (redis is null ? "engine-" + Guid.NewGuid().ToString("N") : "engine");
        builder.UseOrleans(silo =>
        {
            if (redis is null)
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "engine", clusterId: clusterId);
                silo.AddMemoryGrainStorage(Cluster.DocumentGrain.Storage);
            }
            else
            {
                silo.Configure<Orleans.Configuration.ClusterOptions>(cluster => (cluster.ServiceId, cluster.ClusterId) = ("engine", clusterId));
                redis.Join(silo, siloPort, gatewayPort);
            }

            // A session's activation lives at least as long as the store may keep its document, so
            // that an idle document is forgotten by the activation that held it (DocumentGrain).
            silo.Configure<Orleans.Configuration.GrainCollectionOptions>(collection =>
                collection.CollectionAge = limits.DocumentIdleTimeout + TimeSpan.FromMinutes(1));
        });
    }

    /// <summary>
    /// A cluster joined through Redis (Engine:Cluster:Redis): membership and grain storage there,
    /// the silo reachable at <see cref="Address"/> (the host's when null), Orleans' Kubernetes hosting
    /// when asked for, and mutual TLS between the silos when a <see cref="Certificate"/> is given.
    /// </summary>
    private sealed record RedisCluster(StackExchange.Redis.ConfigurationOptions Options, IPAddress? Address, bool Kubernetes, System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate)
    {
        /// <summary>The settings, checked; null without Engine:Cluster:Redis (then no other cluster setting but the ports and id may be given).</summary>
        public static RedisCluster? From(IConfiguration config)
        {
            bool kubernetes = config.GetValue("Engine:Cluster:Kubernetes", false);
            if (config["Engine:Cluster:Redis"] is not { Length: > 0 } redis)
            {
                string? orphan = kubernetes ? "Engine:Cluster:Kubernetes"
                    : ((string[])["Engine:Cluster:Address", "Engine:Cluster:Certificate:Path"]).FirstOrDefault(name => config[name] is { Length: > 0 });
                return orphan is null ? null : throw new EngineConfigurationException($"{orphan} is a setting of a cluster of several servers: it needs Engine:Cluster:Redis.");
            }

            StackExchange.Redis.ConfigurationOptions options;
            try
            {
                options = StackExchange.Redis.ConfigurationOptions.Parse(redis);
            }
            catch (ArgumentException e)
            {
                throw new EngineConfigurationException($"Engine:Cluster:Redis is not a Redis connection string ({e.Message}).");
            }

            IPAddress? address = null;
            if (config["Engine:Cluster:Address"] is { Length: > 0 } a && !IPAddress.TryParse(a, out address))
            {
                throw new EngineConfigurationException($"Engine:Cluster:Address must be an IP address; got '{a}'.");
            }

            return new RedisCluster(options, address, kubernetes, SiloCertificate(config));
        }

        public void Join(ISiloBuilder silo, int siloPort, int gatewayPort)
        {
            silo.UseRedisClustering(clustering => clustering.ConfigurationOptions = Options.Clone());
            silo.AddRedisGrainStorage(Cluster.DocumentGrain.Storage, storage =>
            {
                storage.ConfigurationOptions = Options.Clone();
                storage.DeleteStateOnClear = true;
            });
            if (Address is null)
            {
                silo.ConfigureEndpoints(siloPort, gatewayPort, listenOnAnyHostAddress: true); // the host's own address
            }
            else
            {
                silo.ConfigureEndpoints(Address, siloPort, gatewayPort, listenOnAnyHostAddress: true);
            }

            if (Certificate is not null)
            {
                // Each server presents the cluster's certificate and accepts a peer only if it presents the same one.
                byte[] pinned = Certificate.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
                silo.UseTls(Certificate, tls =>
                {
                    tls.RemoteCertificateMode = Orleans.Connections.Security.RemoteCertificateMode.RequireCertificate;
                    tls.ClientCertificateMode = Orleans.Connections.Security.RemoteCertificateMode.RequireCertificate;
                    tls.RemoteCertificateValidation = (remote, _, _) =>
                        remote is not null && remote.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256).AsSpan().SequenceEqual(pinned);
                });
            }

            if (Kubernetes)
            {
                // The pod's address and the cluster's ids from the pod (POD_IP, labels), and silos
                // whose pods are gone leave the membership at once.
                silo.UseKubernetesHosting();
            }
        }
    }

    /// <summary>
    /// The certificate every server of a cluster presents to the others (Engine:Cluster:Certificate:Path,
    /// a PKCS#12 file with its private key, and :Password), or null for none.
    /// </summary>
    private static System.Security.Cryptography.X509Certificates.X509Certificate2? SiloCertificate(IConfiguration config)
    {
        if (config["Engine:Cluster:Certificate:Path"] is not { Length: > 0 } path)
        {
            return null;
        }

        try
        {
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(path, config["Engine:Cluster:Certificate:Password"]);
            return certificate.HasPrivateKey
                ? certificate
                : throw new EngineConfigurationException($"Engine:Cluster:Certificate:Path: '{path}' holds no private key; give a PKCS#12 (.pfx) file with one.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new EngineConfigurationException($"Engine:Cluster:Certificate:Path: cannot load '{path}' as a PKCS#12 certificate with Engine:Cluster:Certificate:Password ({e.Message.TrimEnd('.')}).");
        }
    }

    /// <summary>A TCP port free on loopback now.</summary>
    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Listens on <paramref name="httpUrl"/> with HTTP/1.1 (and HTTP/2 over TLS) beside the gRPC URLs
    /// (HTTP/2 only). Endpoints configured in code or configuration replace the URL list, so the gRPC URLs
    /// become configured endpoints too, unless Kestrel:Endpoints already lists them.
    /// </summary>
    private static void ListenForHttp(WebApplicationBuilder builder, IConfiguration config, IReadOnlyList<string> urls, string httpUrl)
    {
        var endpoints = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!config.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            for (int i = 0; i < urls.Count; i++)
            {
                endpoints[$"Kestrel:Endpoints:Grpc{i}:Url"] = urls[i];
            }
        }

        endpoints["Kestrel:Endpoints:Http:Url"] = httpUrl;
        // Browsers and curl speak HTTP/1.1 in clear text; with TLS, ALPN offers HTTP/2 as well.
        endpoints["Kestrel:Endpoints:Http:Protocols"] = httpUrl.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
            ? nameof(HttpProtocols.Http1AndHttp2) : nameof(HttpProtocols.Http1);
        builder.Configuration.AddInMemoryCollection(endpoints);
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, string.Empty);
    }

    /// <summary>
    /// OpenTelemetry: the engine's meter and ASP.NET Core's, scraped at <c>/metrics</c> in Prometheus
    /// text format; a span per request (ASP.NET Core) with the engine's stages under it
    /// (<see cref="EngineTelemetry"/>); both exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is
    /// set (and OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_METRIC_EXPORT_INTERVAL … as OpenTelemetry reads them).
    /// </summary>
    private static void AddTelemetry(WebApplicationBuilder builder, IConfiguration config)
    {
        bool otlp = !string.IsNullOrEmpty(config["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("engine-server"))
            .WithMetrics(metrics =>
            {
                // System.Runtime: the runtime's own meter (GC, allocated bytes, thread pool, JIT);
                // Microsoft.Orleans: the silo's (activations, messages, membership, storage).
                metrics.AddMeter(EngineMetrics.MeterName, "System.Runtime", "Microsoft.Orleans").AddAspNetCoreInstrumentation().AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(EngineTelemetry.SourceName).AddAspNetCoreInstrumentation();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
    }

    /// <summary>The engine's settings, bound and checked; every problem is reported at once.</summary>
    private static EngineServerOptions Bind(IConfiguration config)
    {
        EngineServerOptions options;
        try
        {
            options = config.GetSection(EngineServerOptions.Section).Get<EngineServerOptions>() ?? new EngineServerOptions();
        }
        catch (InvalidOperationException e)
        {
            // "Failed to convert configuration value 'abc' at 'Engine:MaxTextBytes' to type 'System.Int32'."
            throw new EngineConfigurationException((e.InnerException is { } inner ? e.Message + " " + inner.Message : e.Message).TrimEnd());
        }

        string problems = string.Join(" ", options.Problems());
        return problems.Length == 0 ? options : throw new EngineConfigurationException(problems);
    }

    /// <summary>The addresses the server is configured to listen on (none: the default).</summary>
    private static List<string> Urls(IConfiguration config)
    {
        // ASPNETCORE_URLS reaches configuration twice (as urls, and under its own name); as in
        // ASP.NET, HTTP_PORTS counts only when no URL is given.
        const StringSplitOptions Entries = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        var urls = new List<string>();
        if ((config["urls"] is { Length: > 0 } u ? u : config["ASPNETCORE_URLS"]) is { Length: > 0 } list)
        {
            urls.AddRange(list.Split(';', Entries));
        }
        else if ((config["http_ports"] is { Length: > 0 } p ? p : config["ASPNETCORE_HTTP_PORTS"]) is { Length: > 0 } ports)
        {
            urls.AddRange(ports.Split(';', Entries).Select(port => "http://*:" + port));
        }

        foreach (IConfigurationSection endpoint in config.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                urls.Add(url);
            }
        }

        return [.. urls.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static bool IsLoopback(string url)
    {
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        string rest = scheme < 0 ? url : url[(scheme + 3)..];
        string host = rest.StartsWith('[') ? rest[1..rest.IndexOf(']', StringComparison.Ordinal)] : rest.Split(':', '/')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out IPAddress? ip) && IPAddress.IsLoopback(ip));
    }
}

/// <summary>A setting the server cannot start with; its message names the setting and the fix.</summary>
public sealed class EngineConfigurationException(string message) : Exception(message);
