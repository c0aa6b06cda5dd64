using System.Collections.Concurrent;
using Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Engine.Server.Tests;

/// <summary>OpenTelemetry: OTLP export to a collector stand-in, and Prometheus scraping.</summary>
[Collection(nameof(ServerCollection))] // its servers analyse too: not beside tests that count the shared pools
public sealed class TelemetryTests
{
    [Fact]
    public async Task ASummarize_ReachesAnOtlpCollector_AsSpansAndMetrics()
    {
        var received = new ConcurrentDictionary<string, long>();
        var traces = new ConcurrentQueue<byte[]>();
        int collectorPort = HttpTests.FreePort();
        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{collectorPort}");
        builder.Logging.ClearProviders();
        await using WebApplication collector = builder.Build();
        foreach (string signal in new[] { "traces", "metrics" })
        {
            collector.MapPost("/v1/" + signal, async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                received.AddOrUpdate(signal, body.Length, (_, total) => total + body.Length);
                if (signal == "traces")
                {
                    traces.Enqueue(body.ToArray());
                }

                return Results.Ok();
            });
        }

        await collector.StartAsync();
        await using OneOffServer server = await OneOffServer.StartAsync(
        [
            $"--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:{collectorPort}", "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
            "--OTEL_METRIC_EXPORT_INTERVAL=300", "--OTEL_BSP_SCHEDULE_DELAY=200",
        ]);

        await server.Summarizer.SummarizeAsync(new Grpc.V1.SummarizeRequest { Text = TestData.Seed });
        for (int wait = 0; wait < 100 && !(received.ContainsKey("traces") && received.ContainsKey("metrics")); wait++)
        {
            await Task.Delay(100);
        }

        Assert.True(received.GetValueOrDefault("traces") > 0, "no spans reached the collector");
        Assert.True(received.GetValueOrDefault("metrics") > 0, "no metrics reached the collector");

        // The request's span and the engine's stages under it (span names are plain UTF-8 in OTLP's
        // protobuf); the request's span ends last, so it may come in a later export.
        string[] expected = ["engine.analyze", "engine.summary", "engine.quotes", "engine.keyphrases", "engine.text.chars", "Summarize"];
        string spans = string.Empty;
        for (int wait = 0; wait < 100 && !expected.All(e => spans.Contains(e, StringComparison.Ordinal)); wait++)
        {
            await Task.Delay(100);
            spans = System.Text.Encoding.UTF8.GetString([.. traces.SelectMany(b => b)]);
        }

        foreach (string stage in expected)
        {
            Assert.Contains(stage, spans, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Metrics_AreScrapedInPrometheusTextFormat_OnTheHttpEndpoint()
    {
        int port = HttpTests.FreePort();
        await using OneOffServer server = await OneOffServer.StartAsync([$"--Engine:HttpUrl=http://127.0.0.1:{port}"]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await server.Summarizer.SummarizeAsync(new Grpc.V1.SummarizeRequest { Text = TestData.Seed });
        using (var call = server.Documents.Edit())
        {
            await EditCalls.SendAsync(call, new Grpc.V1.EditRequest { Open = new Grpc.V1.OpenDocument { DocumentId = "metrics", Text = TestData.Seed } });
            await call.RequestStream.CompleteAsync();
        }

        string text = string.Empty;
        for (int wait = 0; wait < 50 && !(text.Contains("engine_requests", StringComparison.Ordinal) && text.Contains("orleans_", StringComparison.Ordinal)); wait++)
        {
            text = await http.GetStringAsync("/metrics");
            await Task.Delay(100);
        }

        Assert.Contains("# TYPE engine_requests", text, StringComparison.Ordinal);
        Assert.Contains("engine_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("method=\"Summarize\"", text, StringComparison.Ordinal);
        Assert.Contains("orleans_catalog_activation", text, StringComparison.Ordinal); // the silo's own meter
    }

    [Fact]
    public async Task AnEditStreamResetByItsClient_IsCountedCancelled_NotAsAServerFailure()
    {
        int port = HttpTests.FreePort();
        await using OneOffServer server = await OneOffServer.StartAsync([$"--Engine:HttpUrl=http://127.0.0.1:{port}"]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using (var call = server.Documents.Edit())
        {
            await EditCalls.SendAsync(call, new Grpc.V1.EditRequest { Open = new Grpc.V1.OpenDocument { DocumentId = "reset", Text = TestData.Seed } });
        } // disposed without completing: the stream is reset

        string text = string.Empty;
        for (int wait = 0; wait < 50 && !text.Contains("method=\"Edit\"", StringComparison.Ordinal); wait++)
        {
            await Task.Delay(100);
            text = await http.GetStringAsync("/metrics");
        }

        string[] edits = [.. text.Split('\n').Where(l => l.StartsWith("engine_requests", StringComparison.Ordinal) && l.Contains("method=\"Edit\"", StringComparison.Ordinal))];
        Assert.Contains(edits, l => l.Contains("status=\"Cancelled\"", StringComparison.Ordinal));
        Assert.DoesNotContain(edits, l => l.Contains("status=\"Internal\"", StringComparison.Ordinal));
    }
}
