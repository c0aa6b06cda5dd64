using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Engine.Grpc.V1;
using Engine.Tests.Infrastructure;
using Grpc.Core;

namespace Engine.Server.Tests;

/// <summary>Who may call the server and reach which documents, and the settings it refuses to start with.</summary>
[Collection(nameof(ServerCollection))] // its servers analyse too: not beside tests that count the shared pools
public class AccessTests
{
    private const string AliceKey = "alice-key-4f1c9a";
    private const string BobKey = "bob-key-77d2e0";

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();

    private static Task<OneOffServer> WithKeysAsync() =>
        OneOffServer.StartAsync([$"--Engine:ApiKeys:alice={Hash(AliceKey)}", $"--Engine:ApiKeys:bob={Hash(BobKey)}"]);

    private static Metadata Bearer(string key) => [new Metadata.Entry("authorization", "Bearer " + key)];

    [Fact]
    public async Task Summarize_WithKeysConfigured_NeedsAValidBearerKey()
    {
        await using OneOffServer server = await WithKeysAsync();
        var request = new SummarizeRequest { Text = TestData.Seed, MaxSentences = 1 };

        var none = await Assert.ThrowsAsync<RpcException>(() => server.Summarizer.SummarizeAsync(request).ResponseAsync);
        var wrong = await Assert.ThrowsAsync<RpcException>(() => server.Summarizer.SummarizeAsync(request, Bearer("guess")).ResponseAsync);
        SummarizeResponse ok = await server.Summarizer.SummarizeAsync(request, Bearer(AliceKey));

        Assert.Equal(StatusCode.Unauthenticated, none.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);
        Assert.Single(ok.Sentences);
        await HardeningTests.AssertHealthyAsync(server.Channel); // health needs no key: load balancers probe it
    }

    [Fact]
    public async Task Edit_AnotherPrincipalsDocument_IsNotFoundAndUntouched()
    {
        await using OneOffServer server = await WithKeysAsync();
        using var alice = server.Documents.Edit(Bearer(AliceKey));
        await alice.RequestStream.WriteAsync(new EditRequest { Open = new OpenDocument { DocumentId = "shared-name", Text = TestData.Seed } });
        Assert.True(await alice.ResponseStream.MoveNext());

        using (var bob = server.Documents.Edit(Bearer(BobKey)))
        {
            await bob.RequestStream.WriteAsync(new EditRequest { Change = new ChangeDocument { DocumentId = "shared-name", BaseVersion = 1, Edits = { new TextEdit { Start = 0, End = 10 } } } });
            var error = await Assert.ThrowsAsync<RpcException>(() => bob.ResponseStream.MoveNext());
            Assert.Equal(StatusCode.NotFound, error.StatusCode);
        }

        using (var bob = server.Documents.Edit(Bearer(BobKey)))
        {
            // Bob's own document of the same name is his alone.
            await bob.RequestStream.WriteAsync(new EditRequest { Open = new OpenDocument { DocumentId = "shared-name", Text = "قال الوزير إن الحكومة ستعمل." } });
            Assert.True(await bob.ResponseStream.MoveNext());
            await bob.RequestStream.WriteAsync(new EditRequest { Close = new CloseDocument { DocumentId = "shared-name" } });
            await bob.RequestStream.CompleteAsync();
            Assert.False(await bob.ResponseStream.MoveNext());
        }

        await alice.RequestStream.WriteAsync(new EditRequest { Change = new ChangeDocument { DocumentId = "shared-name", BaseVersion = 1 } });
        Assert.True(await alice.ResponseStream.MoveNext());
        Assert.Equal(2, alice.ResponseStream.Current.Version);
        Assert.All(alice.ResponseStream.Current.Result.Sentences, s => Assert.Contains(s.Text, TestData.Seed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Summarize_OverTlsWithASelfSignedCertificate_Works()
    {
        (X509Certificate2 certificate, string path) = TestCertificates.SelfSigned();
        using X509Certificate2 owned = certificate;
        try
        {
            var trustThisOne = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == certificate.Thumbprint };
            await using OneOffServer server = await OneOffServer.StartAsync(
                ["--Kestrel:Endpoints:Https:Url=https://127.0.0.1:0", $"--Kestrel:Endpoints:Https:Certificate:Path={path}", $"--Kestrel:Endpoints:Https:Certificate:Password={TestCertificates.Password}"],
                trustThisOne);

            SummarizeResponse response = await server.Summarizer.SummarizeAsync(new SummarizeRequest { Text = TestData.Seed, MaxSentences = 2 });

            Assert.StartsWith("https://", server.Address, StringComparison.Ordinal);
            Assert.Equal(2, response.Sentences.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static TheoryData<string[], string> RefusedSettings() => new()
    {
        { ["--urls", "http://0.0.0.0:0"], "refusing to listen on http://0.0.0.0:0 without authentication" },
        { ["--urls", "http://[::]:0"], "--Engine:AllowAnonymous=true" },
        { ["--urls", "http://127.0.0.1:0", "--Engine:MaxTextBytes=abc"], "Engine:MaxTextBytes" },
        { ["--urls", "http://127.0.0.1:0", "--Engine:MaxDocuments=-5"], "Engine:MaxDocuments must be at least 1 (got -5)." },
        { ["--urls", "http://127.0.0.1:0", "--Engine:DefaultDeadline=00:00:00"], "Engine:DefaultDeadline must be a positive duration" },
        { ["--urls", "http://127.0.0.1:0", "--Engine:ApiKeys:alice=plaintext"], "Engine:ApiKeys:alice must be the SHA-256 of the key" },
    };

    [Theory]
    [MemberData(nameof(RefusedSettings))]
    public void Build_BadSetting_IsRefusedInOneLineNamingIt(string[] arguments, string message)
    {
        var error = Assert.Throws<EngineConfigurationException>(() => EngineServer.Build(arguments));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Build_NonLoopbackWithKeysOrAllowAnonymous_Starts()
    {
        await using (await OneOffServer.StartAsync(["--urls", "http://0.0.0.0:0", $"--Engine:ApiKeys:alice={Hash(AliceKey)}"]))
        {
        }

        await using (await OneOffServer.StartAsync(["--urls", "http://0.0.0.0:0", "--Engine:AllowAnonymous=true"]))
        {
        }
    }

    [Fact]
    public void Build_FromAnotherDirectory_ReadsTheSettingsNextToTheBinary()
    {
        var app = EngineServer.Build(["--urls", "http://127.0.0.1:0"]);

        Assert.Equal(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), Path.TrimEndingDirectorySeparator(app.Environment.ContentRootPath));
        Assert.Equal("Warning", app.Configuration["Logging:LogLevel:Grpc"]); // from appsettings.json beside the binary
    }

    [Fact]
    public async Task ServerProcess_BadSetting_ExitsWithOneLineAndNoStackTrace()
    {
        string stderr = await FailedStartAsync("--Engine:MaxTextBytes=abc");

        Assert.Contains("Engine:MaxTextBytes", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_GivenItsAddressByUrlsAndByAspNetCoreUrls_ListensOnItOnce()
    {
        string url = $"http://127.0.0.1:{HttpTests.FreePort()}";
        await using OneOffServer server = await OneOffServer.StartAsync(["--urls", url, "--ASPNETCORE_URLS", url]);

        Assert.Equal(url, server.Address);
        Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, (await new global::Grpc.Health.V1.Health.HealthClient(server.Channel).CheckAsync(new())).Status);
    }

    [Fact]
    public async Task ServerProcess_AddressInUse_ExitsWithOneLineNamingIt()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        string url = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";

        string stderr = await FailedStartAsync("--urls", url, "--Engine:HttpUrl=");

        Assert.Contains(url, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerProcess_RedisUnreachable_ExitsWithOneLineNamingTheSetting()
    {
        string stderr = await FailedStartAsync("--urls", "http://127.0.0.1:0", "--Engine:HttpUrl=", $"--Engine:Cluster:Redis=127.0.0.1:{HttpTests.FreePort()}");

        Assert.Contains("Engine:Cluster:Redis", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Engine:Cluster:Address=not-an-address", "Engine:Cluster:Address must be an IP address", "--Engine:Cluster:Redis=127.0.0.1:6379")]
    [InlineData("--Engine:Cluster:Address=10.0.0.7", "Engine:Cluster:Address is a setting of a cluster of several servers")]
    [InlineData("--Engine:Cluster:Redis=127.0.0.1:6379,nosuchoption=1", "Engine:Cluster:Redis")]
    [InlineData("--Engine:Cluster:Certificate:Path=/nonexistent/cluster.pfx", "Engine:Cluster:Certificate:Path is a setting of a cluster of several servers: it needs Engine:Cluster:Redis")]
    [InlineData("--Engine:Cluster:Kubernetes=true", "Engine:Cluster:Kubernetes is a setting of a cluster of several servers")]
    [InlineData("--Engine:Cluster:Certificate:Path=/nonexistent/cluster.pfx", "cannot load '/nonexistent/cluster.pfx'", "--Engine:Cluster:Redis=127.0.0.1:6379")]
    public void Build_BadClusterSetting_IsRefusedNamingIt(string argument, string message, string? redis = null)
    {
        var e = Assert.Throws<EngineConfigurationException>(() => EngineServer.Build(["--urls", "http://127.0.0.1:0", argument, .. redis is null ? Array.Empty<string>() : [redis]]));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    /// <summary>Starts the server process with <paramref name="arguments"/>, expects it to exit with code 2, and returns its one line of standard error.</summary>
    private static async Task<string> FailedStartAsync(params string[] arguments)
    {
        using Process process = Process.Start(ServerProcess.StartInfo(arguments))!;
        _ = process.StandardOutput.ReadToEndAsync(); // the host's log
        string stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith("engine-server: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
        return stderr;
    }
}
