using System.Security.Cryptography.X509Certificates;
using Engine.Grpc.V1;
using Engine.Server.Internal;
using Engine.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using static Engine.Server.Tests.EditCalls;

namespace Engine.Server.Tests;

/// <summary>
/// Three servers in one cluster (Orleans silos sharing a redis-server for membership and storage):
/// a session lives on one of them, any of them answers for it, and it outlives the one it lived on.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ClusterTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly DocumentOptions Options = new() { MaxSentences = 3, OffsetUnit = OffsetUnit.Utf16 };

    [Fact]
    public async Task Documents_LiveOnTheServerThatOpenedThem_AndAChangeThroughAnotherReachesThem()
    {
        await using TestCluster cluster = await TestCluster.StartAsync(redis, 3);
        IReadOnlyList<(string Id, string Text)> articles = TestData.NewsArticles();
        var texts = new string[9];
        for (int i = 0; i < texts.Length; i++)
        {
            texts[i] = articles[i].Text;
            await cluster.SendAsync(i % 3, cluster.Open(i, texts[i]));
        }

        for (int i = 0; i < texts.Length; i++)
        {
            (texts[i], TextEdit edit) = Appended(texts[i], "\nوقال المتحدث إن الاجتماع سيعقد غدا.");
            DocumentUpdate update = await cluster.SendAsync((i + 1) % 3, Change(cluster.Id(i), 1, edit));
            Assert.Equal(2, update.Version);
            await AssertFreshAsync(cluster, texts[i], update);
        }

        // Each session stayed where it was opened: a change through another server went to it.
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal([i % 3], cluster.Holders(cluster.Id(i)));
        }
    }

    [Fact]
    public async Task StoppedServer_WithAHundredSessions_LosesNoAcceptedEdit_EverySessionContinuesElsewhere()
    {
        await using TestCluster cluster = await TestCluster.StartAsync(redis, 3);
        IReadOnlyList<(string Id, string Text)> articles = TestData.NewsArticles();
        var texts = new string[100];
        for (int i = 0; i < texts.Length; i++)
        {
            texts[i] = articles[i % articles.Count].Text;
            await cluster.SendAsync(i % 3, cluster.Open(i, texts[i]));
            (texts[i], TextEdit edit) = Appended(texts[i], $"\nوأضاف أن العدد بلغ {i} شخصا.");
            Assert.Equal(2, (await cluster.SendAsync((i + 2) % 3, Change(cluster.Id(i), 1, edit))).Version);
        }

        int lost = Enumerable.Range(0, texts.Length).Count(i => cluster.Holders(cluster.Id(i)).SequenceEqual([0]));
        Assert.Equal(34, lost);
        await cluster.StopAsync(0);

        // The client's next change, at the version it last saw, goes through a server still up.
        for (int i = 0; i < texts.Length; i++)
        {
            (texts[i], TextEdit edit) = Appended(texts[i], "\nوقال الوزير: «سنواصل العمل».");
            DocumentUpdate update = await cluster.SendAsync(1 + (i % 2), Change(cluster.Id(i), 2, edit));
            Assert.Equal(3, update.Version);
            await AssertFreshAsync(cluster, texts[i], update);
            Assert.Single(cluster.Holders(cluster.Id(i)));
        }
    }

    [Fact]
    public async Task FiftyConcurrentSessions_WithRandomEditsThroughRandomServers_EqualFreshAnalyses()
    {
        await using TestCluster cluster = await TestCluster.StartAsync(redis, 3);
        IReadOnlyList<(string Id, string Text)> articles = TestData.NewsArticles();
        string[] words = ["وقال", "الرئيس", "إن", "«الحكومة ستعمل»", "2024", ".", "\n", "المفاوضات"];

        await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            var random = new Random(i);
            var calls = Enumerable.Range(0, 3).Select(s => cluster.Servers[s]!.Documents.Edit()).ToArray();
            try
            {
                string text = articles[i].Text;
                DocumentUpdate update = await SendAsync(calls[random.Next(3)], cluster.Open(i, text));
                for (int version = 1; version <= 6; version++)
                {
                    int start = random.Next(text.Length + 1);
                    int end = random.Next(3) == 0 ? Math.Min(text.Length, start + random.Next(40)) : start;
                    string inserted = end > start && random.Next(2) == 0 ? "" : " " + words[random.Next(words.Length)] + " ";
                    var edit = new TextEdit { Start = start, End = end, NewText = inserted };
                    text = string.Concat(text.AsSpan(0, start), inserted, text.AsSpan(end));
                    update = await SendAsync(calls[random.Next(3)], Change(cluster.Id(i), version, edit));
                    Assert.Equal(version + 1, update.Version);
                }

                await AssertFreshAsync(cluster, text, update);
            }
            finally
            {
                foreach (var call in calls)
                {
                    call.Dispose();
                }
            }
        }));
    }

    /// <summary>The text with <paramref name="added"/> at its end, and the edit that does it.</summary>
    private static (string Text, TextEdit Edit) Appended(string text, string added) =>
        (text + added, new TextEdit { Start = text.Length, End = text.Length, NewText = added });

    [Fact]
    public async Task TwoServerProcesses_OpenThroughA_ChangeThroughB_KillA_ChangeThroughB_Continues()
    {
        string[] cluster = TestCluster.Settings(redis);
        using ServerProcess a = await ServerProcess.StartAsync(cluster);
        using ServerProcess b = await ServerProcess.StartAsync(cluster);
        string run = Guid.NewGuid().ToString("N");
        string[] texts = [TestData.Seed, .. TestData.NewsArticles().Take(19).Select(a => a.Text)];
        using (var throughA = a.Documents.Edit())
        {
            for (int i = 0; i < texts.Length; i++)
            {
                await SendAsync(throughA, new EditRequest { Open = new OpenDocument { DocumentId = $"{run}-{i}", Text = texts[i], Options = Options } });
            }
        }

        using (var throughB = b.Documents.Edit())
        {
            for (int i = 0; i < texts.Length; i++)
            {
                (texts[i], TextEdit first) = Appended(texts[i], "\nوقال المتحدث إن الاجتماع سيعقد غدا.");
                Assert.Equal(2, (await SendAsync(throughB, Change($"{run}-{i}", 1, first))).Version);
            }
        }

        a.Kill();

        // B answers UNAVAILABLE until the cluster has noticed A is gone; the same change is sent again.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < texts.Length; i++)
        {
            (texts[i], TextEdit second) = Appended(texts[i], "\nوأضاف: «سنواصل العمل».");
            DocumentUpdate update;
            while (true)
            {
                using var call = b.Documents.Edit();
                try
                {
                    update = await SendAsync(call, Change($"{run}-{i}", 2, second));
                    break;
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && waited.Elapsed < TimeSpan.FromSeconds(90))
                {
                    await Task.Delay(500);
                }
            }

            Assert.Equal(3, update.Version);
            await AssertFreshAsync(b.Summarizer, texts[i], update);
            Assert.Contains(update.Result.Quotes, q => q.Content.Contains("سنواصل", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ServersSharingTheClusterCertificate_FormOneCluster_AndTheSiloPortRefusesAnyOtherPeer()
    {
        (X509Certificate2 cluster, string path) = TestCertificates.SelfSigned();
        (X509Certificate2 stranger, string strangerPath) = TestCertificates.SelfSigned();
        try
        {
            int siloPort = HttpTests.FreePort();
            string[] settings = [.. TestCluster.Settings(redis), $"--Engine:Cluster:Certificate:Path={path}", $"--Engine:Cluster:Certificate:Password={TestCertificates.Password}"];
            await using OneOffServer a = await OneOffServer.StartAsync([.. settings, $"--Engine:Cluster:SiloPort={siloPort}"]);
            await using OneOffServer b = await OneOffServer.StartAsync(settings);
            string id = "tls-" + Guid.NewGuid().ToString("N");
            (string text, TextEdit edit) = Appended(TestData.Seed, "\nوقال المتحدث إن الاجتماع سيعقد غدا.");
            using (var call = a.Documents.Edit())
            {
                await SendAsync(call, new EditRequest { Open = new OpenDocument { DocumentId = id, Text = TestData.Seed, Options = Options } });
            }

            using (var call = b.Documents.Edit())
            {
                DocumentUpdate update = await SendAsync(call, Change(id, 1, edit)); // B reaches A's session over TLS
                Assert.Equal(2, update.Version);
                await AssertFreshAsync(b.Summarizer, text, update);
            }

            Assert.True(await SiloAcceptsAsync(siloPort, cluster));
            Assert.False(await SiloAcceptsAsync(siloPort, stranger));
        }
        finally
        {
            cluster.Dispose();
            stranger.Dispose();
            File.Delete(path);
            File.Delete(strangerPath);
        }
    }

    /// <summary>Whether the silo on <paramref name="port"/> accepts a TLS peer presenting <paramref name="certificate"/> (a refusal closes the connection at once).</summary>
    private static async Task<bool> SiloAcceptsAsync(int port, X509Certificate2 certificate)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(System.Net.IPAddress.Loopback, port);
        using var tls = new System.Net.Security.SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
        try
        {
            await tls.AuthenticateAsClientAsync(new System.Net.Security.SslClientAuthenticationOptions { TargetHost = "127.0.0.1", ClientCertificates = [certificate] });

            // Under TLS 1.3 the server judges the client's certificate after the handshake: a refused
            // peer's first read ends (or fails) at once, an accepted one waits for the silo's messages.
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            return await tls.ReadAsync(new byte[1], wait.Token) > 0;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
        {
            return false;
        }
    }

    /// <summary>The update's result equals a fresh analysis of <paramref name="text"/> by a server of the cluster.</summary>
    private static Task AssertFreshAsync(TestCluster cluster, string text, DocumentUpdate update) =>
        AssertFreshAsync(cluster.Servers.First(s => s is not null)!.Summarizer, text, update);

    /// <summary>The update's result equals a fresh analysis of <paramref name="text"/> by <paramref name="summarizer"/>.</summary>
    private static async Task AssertFreshAsync(Summarizer.SummarizerClient summarizer, string text, DocumentUpdate update)
    {
        SummarizeResponse fresh = await summarizer.SummarizeAsync(new SummarizeRequest { Text = text, MaxSentences = Options.MaxSentences, OffsetUnit = OffsetUnit.Utf16 });
        Assert.NotNull(update.Result);
        Assert.Equal(fresh.Sentences, update.Result.Sentences);
        Assert.Equal(fresh.Quotes, update.Result.Quotes);
        Assert.Equal(fresh.Keyphrases, update.Result.Keyphrases);
        Assert.Equal(fresh.Diagnostics, update.Result.Diagnostics);
    }

    /// <summary>Servers of one cluster, each with an Edit stream of the test's own.</summary>
    private sealed class TestCluster : IAsyncDisposable
    {
        private readonly AsyncDuplexStreamingCall<EditRequest, DocumentUpdate>?[] _calls;

        private readonly string _prefix = Guid.NewGuid().ToString("N");

        private TestCluster(OneOffServer?[] servers)
        {
            Servers = servers;
            _calls = servers.Select(s => s!.Documents.Edit()).ToArray();
        }

        public OneOffServer?[] Servers { get; }

        /// <summary>Document ids of this cluster's own (storage outlives a cluster: it is the service's).</summary>
        public string Id(int i) => $"{_prefix}-{i}";

        public EditRequest Open(int i, string text) =>
            new() { Open = new OpenDocument { DocumentId = Id(i), Text = text, Options = Options } };

        /// <summary>Settings that join a server to a new cluster of its own on <paramref name="redis"/>, on loopback.</summary>
        public static string[] Settings(RedisServer redis) =>
            [$"--Engine:Cluster:Redis={redis.ConnectionString}", $"--Engine:Cluster:ClusterId=test-{Guid.NewGuid():N}", "--Engine:Cluster:Address=127.0.0.1"];

        public static async Task<TestCluster> StartAsync(RedisServer redis, int count)
        {
            string[] settings = Settings(redis);
            var servers = new OneOffServer?[count];
            for (int i = 0; i < count; i++)
            {
                servers[i] = await OneOffServer.StartAsync(settings);
            }

            return new TestCluster(servers);
        }

        public Task<DocumentUpdate> SendAsync(int server, EditRequest request) => EditCalls.SendAsync(_calls[server]!, request);

        /// <summary>The servers whose store holds the session <paramref name="id"/> live.</summary>
        public int[] Holders(string id) =>
            [.. Enumerable.Range(0, Servers.Length).Where(i => Servers[i]?.Services.GetRequiredService<DocumentStore>().TryGet(new DocumentKey(BearerKeys.Anonymous, id), out _) == true)];

        /// <summary>Stops server <paramref name="index"/> (its silo leaves the cluster).</summary>
        public async Task StopAsync(int index)
        {
            _calls[index]!.Dispose();
            _calls[index] = null;
            await Servers[index]!.DisposeAsync();
            Servers[index] = null;
        }

        public async ValueTask DisposeAsync()
        {
            for (int i = 0; i < Servers.Length; i++)
            {
                if (Servers[i] is not null)
                {
                    await StopAsync(i);
                }
            }
        }
    }
}
