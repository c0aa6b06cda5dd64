using Microsoft.AspNetCore.Server.Kestrel.Core;

var builder = WebApplication.CreateBuilder(args);

// gRPC over cleartext HTTP/2 on loopback unless --urls or configuration says otherwise.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:50051");
}

var app = builder.Build();
app.MapGet("/", () => "Engine gRPC server: use a gRPC client (see protos/engine/v1/engine.proto).");
app.Run();

/// <summary>Entry point, visible to the end-to-end tests.</summary>
public partial class Program;
