using Engine.Grpc.V1;
using Engine.Server.Internal;
using Engine.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Engine.Server.Tests.EditCalls;

namespace Engine.Server.Tests;

/// <summary>
/// A session's accepted versions are stored before they are answered, so a server that loses the
/// live session (as when the silo holding it is gone) continues it from storage at the same version.
/// </summary>
[Collection(ServerCollection.Name)]
public class SessionRecoveryTests
{
    [Theory]
    [InlineData(UpdateMode.Full)]
    [InlineData(UpdateMode.Delta)]
    public async Task Change_AfterTheLiveSessionIsLost_ContinuesFromStorageAtItsVersion(UpdateMode mode)
    {
        await using OneOffServer server = await OneOffServer.StartAsync([]);
        string id = "recovered";
        string seed = TestData.Seed;
        var options = new DocumentOptions { MaxSentences = 3, UpdateMode = mode };
        using var call = server.Documents.Edit();
        await SendAsync(call, new EditRequest { Open = new OpenDocument { DocumentId = id, Text = seed, Options = options } });
        int at = seed.IndexOf("2500", StringComparison.Ordinal);
        await SendAsync(call, Change(id, 1, new TextEdit { Start = at, End = at + 4, NewText = "3000" }));

        // Lost as a failed server loses it: the grain's activation and the live session are gone.
        await server.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.True(server.Services.GetRequiredService<DocumentStore>().Remove(new DocumentKey(BearerKeys.Anonymous, id), "lost"));

        string added = "\nوقال الوزير إن المفاوضات ستستمر.";
        string edited = seed.Replace("2500", "3000", StringComparison.Ordinal);
        DocumentUpdate after = await SendAsync(call, Change(id, 2, new TextEdit { Start = edited.Length, End = edited.Length, NewText = added }));

        Assert.Equal(3, after.Version);
        Assert.NotNull(after.Result); // the new activation holds no last result to diff against, so the whole result comes
        SummarizeResponse fresh = await server.Summarizer.SummarizeAsync(new SummarizeRequest { Text = edited + added, MaxSentences = 3 });
        Assert.Equal(fresh.Sentences.Select(s => (s.Start, s.End, s.Text)), after.Result.Sentences.Select(s => (s.Start, s.End, s.Text)));
        Assert.Equal(fresh.Quotes.Select(q => (q.ContentStart, q.Speaker)), after.Result.Quotes.Select(q => (q.ContentStart, q.Speaker)));
        Assert.Contains(after.Result.Quotes, q => q.Content.Contains("المفاوضات", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Open_OfAStoredDocumentTheServerLostLive_IsAlreadyExists_WithoutAnalysingItAgain()
    {
        await using OneOffServer server = await OneOffServer.StartAsync([]);
        using var call = server.Documents.Edit();
        await SendAsync(call, new EditRequest { Open = new OpenDocument { DocumentId = "stored", Text = TestData.Seed } });
        await server.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var key = new DocumentKey(BearerKeys.Anonymous, "stored");
        Assert.True(server.Services.GetRequiredService<DocumentStore>().Remove(key, "lost"));

        global::Grpc.Core.RpcException e = await RejectedAsync(call, new EditRequest { Open = new OpenDocument { DocumentId = "stored", Text = "نص آخر." } });

        Assert.Equal(global::Grpc.Core.StatusCode.AlreadyExists, e.StatusCode);
        Assert.False(server.Services.GetRequiredService<DocumentStore>().TryGet(key, out _)); // refused from storage alone
        using var next = server.Documents.Edit();
        Assert.Equal(2, (await SendAsync(next, Change("stored", 1, new TextEdit { Start = 0, End = 0, NewText = "x" }))).Version);
    }

    [Fact]
    public async Task Change_WhoseVersionCannotBeStored_IsUnavailableAndNotAccepted_TheSameChangeThenSucceeds()
    {
        var storage = new FlakyStorage();
        await using OneOffServer server = await OneOffServer.StartAsync([], configure: builder =>
            builder.Services.AddKeyedSingleton<Orleans.Storage.IGrainStorage>(Cluster.DocumentGrain.Storage, storage));
        string seed = TestData.Seed;
        var options = new DocumentOptions { MaxSentences = 3 };
        using (var call = server.Documents.Edit())
        {
            await SendAsync(call, new EditRequest { Open = new OpenDocument { DocumentId = "flaky", Text = seed, Options = options } });
        }

        int at = seed.IndexOf("2500", StringComparison.Ordinal);
        EditRequest change = Change("flaky", 1, new TextEdit { Start = at, End = at + 4, NewText = "3000" });
        storage.Failing = true;
        using (var call = server.Documents.Edit())
        {
            global::Grpc.Core.RpcException e = await RejectedAsync(call, change);
            Assert.Equal(global::Grpc.Core.StatusCode.Unavailable, e.StatusCode);
            Assert.Contains("not accepted", e.Status.Detail, StringComparison.Ordinal);
        }

        storage.Failing = false;
        using (var call = server.Documents.Edit())
        {
            DocumentUpdate after = await SendAsync(call, change); // the same base version: the failed one was not accepted

            Assert.Equal(2, after.Version);
            SummarizeResponse fresh = await server.Summarizer.SummarizeAsync(new SummarizeRequest { Text = seed.Replace("2500", "3000", StringComparison.Ordinal), MaxSentences = 3 });
            Assert.Equal(fresh.Sentences, after.Result.Sentences);
        }
    }

    [Fact]
    public async Task Change_AfterEvictionAndCollection_IsNotFound_TheStoredVersionForgotten()
    {
        await using OneOffServer server = await OneOffServer.StartAsync([]);
        using var call = server.Documents.Edit();
        await SendAsync(call, new EditRequest { Open = new OpenDocument { DocumentId = "idle", Text = TestData.Seed } });

        // Evicted (idle), then its activation collected: the activation that held it forgets its stored version.
        Assert.True(server.Services.GetRequiredService<DocumentStore>().Remove(new DocumentKey(BearerKeys.Anonymous, "idle"), "idle"));
        await server.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        global::Grpc.Core.RpcException e = await RejectedAsync(call, Change("idle", 1, new TextEdit { Start = 0, End = 0, NewText = "x" }));

        Assert.Equal(global::Grpc.Core.StatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public async Task Change_AfterEviction_IsNotFoundEvenThoughTheVersionWasStored()
    {
        await using OneOffServer server = await OneOffServer.StartAsync([]);
        using var call = server.Documents.Edit();
        await SendAsync(call, new EditRequest { Open = new OpenDocument { DocumentId = "evicted", Text = TestData.Seed } });

        // Evicted while its activation lives on: the store drops it, and it stays dropped.
        Assert.True(server.Services.GetRequiredService<DocumentStore>().Remove(new DocumentKey(BearerKeys.Anonymous, "evicted"), "over the document limit"));
        global::Grpc.Core.RpcException e = await RejectedAsync(call, Change("evicted", 1, new TextEdit { Start = 0, End = 0, NewText = "x" }));

        Assert.Equal(global::Grpc.Core.StatusCode.NotFound, e.StatusCode);
    }

    /// <summary>Grain storage in memory whose writes fail while <see cref="Failing"/> is set, as a lost storage service's would.</summary>
    private sealed class FlakyStorage : Orleans.Storage.IGrainStorage
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<GrainId, (string Json, string ETag)> _states = new();

        public volatile bool Failing;

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (_states.TryGetValue(grainId, out var stored))
            {
                grainState.State = System.Text.Json.JsonSerializer.Deserialize<T>(stored.Json)!;
                (grainState.ETag, grainState.RecordExists) = (stored.ETag, true);
            }

            return Task.CompletedTask;
        }

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (Failing)
            {
                throw new IOException("storage unreachable");
            }

            string etag = Guid.NewGuid().ToString("N");
            _states[grainId] = (System.Text.Json.JsonSerializer.Serialize(grainState.State), etag);
            (grainState.ETag, grainState.RecordExists) = (etag, true);
            return Task.CompletedTask;
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            _states.TryRemove(grainId, out _);
            (grainState.ETag, grainState.RecordExists) = (null, false);
            return Task.CompletedTask;
        }
    }
}
