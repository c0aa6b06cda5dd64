using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Engine.Tests.Infrastructure;

namespace Engine.Server.Tests;

/// <summary>JSON over HTTP/1.1 (gRPC JSON transcoding) on its own endpoint, as curl sends it.</summary>
[Collection(nameof(ServerCollection))] // its servers analyse too: not beside tests that count the shared pools
public sealed class HttpTests : IAsyncLifetime
{
    private OneOffServer _server = null!;
    private readonly HttpClient _http = new();

    internal static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async Task InitializeAsync()
    {
        int port = FreePort();
        _server = await OneOffServer.StartAsync([$"--Engine:HttpUrl=http://127.0.0.1:{port}"]);
        _http.BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _http.DefaultRequestVersion = HttpVersion.Version11;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>A POST as <c>curl -d</c> makes it: the JSON body labelled as a form.</summary>
    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object body)
    {
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/x-www-form-urlencoded");
        using HttpResponseMessage response = await _http.PostAsync(path, content);
        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        using JsonDocument doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, doc.RootElement.Clone());
    }

    [Fact]
    public async Task Summarize_TheSeedAsCurlSendsIt_AnswersTheSameAsGrpc()
    {
        (HttpStatusCode status, JsonElement body) = await PostAsync("/v1/summarize", new { text = TestData.Seed });
        Grpc.V1.SummarizeResponse grpc = await _server.Summarizer.SummarizeAsync(new Grpc.V1.SummarizeRequest { Text = TestData.Seed });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(grpc.Sentences.Select(s => s.Text), body.GetProperty("sentences").EnumerateArray().Select(s => s.GetProperty("text").GetString()));
        Assert.Equal(3, body.GetProperty("sentences").GetArrayLength());
        Assert.Equal(13, body.GetProperty("quotes").GetArrayLength());
        Assert.Equal("QUOTE_KIND_DIRECT", body.GetProperty("quotes").EnumerateArray().First(q => q.GetProperty("cue").GetString() == "شدّد").GetProperty("kind").GetString());
        Assert.Equal("العراق والولايات المتّحدة", body.GetProperty("keyphrases")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task QuotesAndTokenize_AreTheirRoutes()
    {
        (HttpStatusCode quotesStatus, JsonElement quotes) = await PostAsync("/v1/quotes", new { text = TestData.Seed, minConfidence = 0.5 });
        (HttpStatusCode tokensStatus, JsonElement tokens) = await PostAsync("/v1/tokenize", new { text = "قال الوزير: «نعم»." });

        Assert.Equal(HttpStatusCode.OK, quotesStatus);
        Assert.Equal(0, quotes.GetProperty("sentences").GetArrayLength());
        Assert.All(quotes.GetProperty("quotes").EnumerateArray(), q => Assert.True(q.GetProperty("confidence").GetDouble() >= 0.5));
        Assert.Equal(HttpStatusCode.OK, tokensStatus);
        Assert.Equal(["قال", "الوزير", ":", "«", "نعم", "»", "."], tokens.GetProperty("tokens").EnumerateArray().Select(t => t.GetProperty("text").GetString()));
    }

    [Theory]
    [InlineData("/v1/summarize", """{"text": ""}""", HttpStatusCode.BadRequest, 3, "text is empty")]
    [InlineData("/v1/summarize", """{"text": "نص.", "maxSentences": 0}""", HttpStatusCode.BadRequest, 3, "max_sentences must be at least 1")]
    [InlineData("/v1/summarize", """{"text": """, HttpStatusCode.BadRequest, 3, "not correctly formatted")]
    [InlineData("/v1/documents:edit", """{"change": {"documentId": "nope", "baseVersion": "1"}}""", HttpStatusCode.NotFound, 5, "document 'nope' is not open")]
    public async Task AnError_IsAGoogleRpcStatus_WithTheMatchingHttpStatus(string path, string body, HttpStatusCode expected, int code, string message)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _http.PostAsync(path, content);
        using JsonDocument status = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(code, status.RootElement.GetProperty("code").GetInt32());
        Assert.Contains(message, status.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentsEdit_OpensChangesAndCloses_OneMessageAtATime()
    {
        (_, JsonElement opened) = await PostAsync("/v1/documents:edit", new { open = new { documentId = "page", text = TestData.Seed } });
        int at = TestData.Seed.Length;
        const string added = "\n\nوقال الرئيس الأميركي جو بايدن إن الزيارة مهمة جدا.";
        (HttpStatusCode changedStatus, JsonElement changed) = await PostAsync("/v1/documents:edit", new
        {
            change = new { documentId = "page", baseVersion = "1", edits = new[] { new { start = at, end = at, newText = added } } },
        });
        (HttpStatusCode closedStatus, JsonElement closed) = await PostAsync("/v1/documents:edit", new { close = new { documentId = "page" } });

        Assert.Equal(1, opened.GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.OK, changedStatus);
        Assert.Equal(2, changed.GetProperty("version").GetInt64());
        Assert.Equal(14, changed.GetProperty("result").GetProperty("quotes").GetArrayLength());
        Assert.Equal(1, changed.GetProperty("stats").GetProperty("quotesAdded").GetInt32());
        Assert.Equal(HttpStatusCode.OK, closedStatus);
        Assert.Equal("page", closed.GetProperty("documentId").GetString());
    }

    [Fact]
    public async Task OpenApi_DescribesTheRoutes_AndThePageIsServed()
    {
        using JsonDocument openApi = JsonDocument.Parse(await _http.GetStringAsync("/openapi.json"));
        string page = await _http.GetStringAsync("/");

        string[] paths = [.. openApi.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name)];
        Assert.Contains("/v1/summarize", paths);
        Assert.Contains("/v1/quotes", paths);
        Assert.Contains("/v1/tokenize", paths);
        Assert.Contains("dir=\"rtl\"", page, StringComparison.Ordinal);
        Assert.Contains("app.js", page, StringComparison.Ordinal);
        Assert.StartsWith("الحوار", await _http.GetStringAsync("/examples/seed.txt"), StringComparison.Ordinal);
    }
}
