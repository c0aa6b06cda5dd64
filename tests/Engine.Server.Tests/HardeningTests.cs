using Engine.Grpc.V1;
using Engine.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;

namespace Engine.Server.Tests;

/// <summary>
/// Hostile and careless input, one test per row of the README's table: each gets its documented
/// status and message, and the server is healthy afterwards.
/// </summary>
[Collection(ServerCollection.Name)]
public class HardeningTests(ServerFixture server)
{
    private static readonly Method<byte[], byte[]> RawSummarize =
        new(MethodType.Unary, "engine.v1.Summarizer", "Summarize", Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));

    public static TheoryData<string, byte[]> UndecodableMessages() => new()
    {
        // field 2 (text), length 3: a UTF-16 surrogate encoded in UTF-8 (ED A0 80), then FF FE, then the overlong C0 AF
        { "surrogate in UTF-8", [0x12, 0x03, 0xED, 0xA0, 0x80] },
        { "FF FE", [0x12, 0x02, 0xFF, 0xFE] },
        { "overlong slash", [0x12, 0x02, 0xC0, 0xAF] },
        { "random bytes", [0x9A, 0x07, 0x33, 0xF1, 0x00, 0xFF, 0x12, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01] },
        { "length past the end", [0x12, 0x7F, 0xD9, 0x82] },
    };

    [Theory]
    [MemberData(nameof(UndecodableMessages))]
    public async Task Summarize_UndecodableMessage_IsInvalidArgument(string name, byte[] message)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Channel.CreateCallInvoker().AsyncUnaryCall(RawSummarize, null, default, message).ResponseAsync);

        Assert.True(error.StatusCode == StatusCode.InvalidArgument, $"{name}: {error.Status}");
        Assert.Contains("/engine.v1.Summarizer/Summarize is not a valid SummarizeRequest message", error.Status.Detail, StringComparison.Ordinal);
        await AssertHealthyAsync(server.Channel);
    }

    [Fact]
    public async Task Summarize_FourMiBOfOpeningMarks_AnswersWithBoundedDiagnostics()
    {
        string marks = new('«', 4 * 1024 * 1024 / 2 - 16); // 2 bytes each in UTF-8: just under 4 MiB

        SummarizeResponse response = await server.Summarizer.SummarizeAsync(new SummarizeRequest { Text = marks }, deadline: DateTime.UtcNow.AddSeconds(60));

        Assert.Equal(100, response.Diagnostics.Count);
        Assert.Equal(1, response.Stats.DiagnosticsOmitted); // the one counting the other unmatched marks
        Assert.Empty(response.Quotes);
        SummarizeResponse next = await server.Summarizer.SummarizeAsync(new SummarizeRequest { Text = TestData.Seed });
        Assert.NotEmpty(next.Sentences);
    }

    [Fact]
    public async Task Summarize_ShortDeadlineOnHugeText_IsDeadlineExceededAndTheServerStaysResponsive()
    {
        string text = string.Concat(Enumerable.Repeat("قال الوزير «سنواصل العمل» وأضاف أن ", 60_000))[..(2 * 1024 * 1024)];

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Summarizer.SummarizeAsync(new SummarizeRequest { Text = text }, deadline: DateTime.UtcNow.AddMilliseconds(50)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        SummarizeResponse next = await server.Summarizer.SummarizeAsync(new SummarizeRequest { Text = TestData.Seed });
        Assert.NotEmpty(next.Sentences);
    }

    [Fact]
    public async Task Summarize_NoDeadlineOverTheDefaultOne_IsDeadlineExceededNamingTheSetting()
    {
        await using OneOffServer one = await OneOffServer.StartAsync(["--Engine:DefaultDeadline=00:00:00.001"]);
        string text = string.Concat(Enumerable.Repeat(TestData.Seed + "\n", 200));

        var error = await Assert.ThrowsAsync<RpcException>(() => one.Summarizer.SummarizeAsync(new SummarizeRequest { Text = text }).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Contains("Engine:DefaultDeadline", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("title")]
    public async Task Summarize_OversizedIdOrTitle_IsInvalidArgument(string field)
    {
        string big = new('x', 5000);
        var request = new SummarizeRequest { Text = TestData.Seed };
        if (field == "id")
        {
            request.Id = big;
        }
        else
        {
            request.Title = big;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Summarizer.SummarizeAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains($"{field} is 5000 bytes", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_ResponseOverTheLimit_IsResourceExhaustedNamingWhatNarrowsIt()
    {
        await using OneOffServer one = await OneOffServer.StartAsync(["--Engine:MaxResponseBytes=3000"]);

        var error = await Assert.ThrowsAsync<RpcException>(() => one.Summarizer.SummarizeAsync(new SummarizeRequest { Text = TestData.Seed, Explain = true, Ratio = 1 }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("Engine:MaxResponseBytes", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("leave explain off", error.Status.Detail, StringComparison.Ordinal);
        SummarizeResponse small = await one.Summarizer.SummarizeAsync(new SummarizeRequest { Text = TestData.Seed, MaxSentences = 1, MinConfidence = 0.99 });
        Assert.Single(small.Sentences);
    }

    [Fact]
    public async Task Edit_UpdateOverTheResponseLimit_IsResourceExhaustedNamingTheVersion()
    {
        await using OneOffServer one = await OneOffServer.StartAsync(["--Engine:MaxResponseBytes=3000"]);
        using var call = one.Documents.Edit();

        await call.RequestStream.WriteAsync(new EditRequest { Open = new OpenDocument { DocumentId = "big", Text = TestData.Seed, Options = new DocumentOptions { Ratio = 1, Explain = true } } });
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("Document 'big' is at version 1.", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("Engine:MaxResponseBytes", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_MoreCallsThanSlotsAndQueue_SomeAreResourceExhausted()
    {
        await using OneOffServer one = await OneOffServer.StartAsync(["--Engine:MaxConcurrentAnalyses=1", "--Engine:MaxQueuedAnalyses=0"]);
        string text = string.Concat(Enumerable.Repeat(TestData.Seed, 100));

        Task<SummarizeResponse>[] calls = [.. Enumerable.Range(0, 8).Select(_ => one.Summarizer.SummarizeAsync(new SummarizeRequest { Text = text }).ResponseAsync)];
        Exception?[] outcomes = await Task.WhenAll(calls.Select(async c =>
        {
            try
            {
                await c;
                return null;
            }
            catch (RpcException e)
            {
                return e;
            }
        }));

        Assert.Contains(outcomes, o => o is null);
        RpcException rejected = Assert.IsType<RpcException>(outcomes.First(o => o is not null));
        Assert.Equal(StatusCode.ResourceExhausted, rejected.StatusCode);
        Assert.Contains("Engine:MaxConcurrentAnalyses", rejected.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_Utf16EditSplittingASurrogatePair_IsInvalidArgument()
    {
        using var call = server.Documents.Edit();
        string id = "emoji-" + Guid.NewGuid();
        await call.RequestStream.WriteAsync(new EditRequest { Open = new OpenDocument { DocumentId = id, Text = "قال الوزير 🌍 إن الحكومة ستعمل.", Options = new DocumentOptions { OffsetUnit = OffsetUnit.Utf16 } } });
        Assert.True(await call.ResponseStream.MoveNext());
        int inside = "قال الوزير 🌍".Length - 1; // between the halves of 🌍

        await call.RequestStream.WriteAsync(new EditRequest { Change = new ChangeDocument { DocumentId = id, BaseVersion = 1, Edits = { new TextEdit { Start = inside, End = inside, NewText = "x" } } } });
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("splits a character", error.Status.Detail, StringComparison.Ordinal);
        await CloseAsync(id);
    }

    [Fact]
    public async Task Edit_DuplicateOpen_IsAlreadyExistsAndTheFirstDocumentStaysIntact()
    {
        using var call = server.Documents.Edit();
        string id = "dup-" + Guid.NewGuid();
        await call.RequestStream.WriteAsync(new EditRequest { Open = new OpenDocument { DocumentId = id, Text = TestData.Seed } });
        Assert.True(await call.ResponseStream.MoveNext());
        SummarizeResponse first = call.ResponseStream.Current.Result;

        using var second = server.Documents.Edit();
        await second.RequestStream.WriteAsync(new EditRequest { Open = new OpenDocument { DocumentId = id, Text = "نص آخر تماما." } });
        var error = await Assert.ThrowsAsync<RpcException>(() => second.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);

        await call.RequestStream.WriteAsync(new EditRequest { Change = new ChangeDocument { DocumentId = id, BaseVersion = 1 } });
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(first.Sentences, call.ResponseStream.Current.Result.Sentences);
        await CloseAsync(id);
    }

    /// <summary>Closes a document of the shared server, so that its buffers are back when the pool tests look.</summary>
    private async Task CloseAsync(string id)
    {
        using var call = server.Documents.Edit();
        await call.RequestStream.WriteAsync(new EditRequest { Close = new CloseDocument { DocumentId = id } });
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext());
    }

    [Fact]
    public async Task Edit_StoreOverItsByteLimit_EvictsTheLeastRecentlyUsedAndCapsEachPrincipal()
    {
        long seedBytes = (long)TestData.Seed.Length * Internal.StoredDocument.BytesPerChar;
        await using OneOffServer one = await OneOffServer.StartAsync([$"--Engine:MaxDocumentBytes={(2 * seedBytes) + 10}", "--Engine:MaxDocumentsPerPrincipal=3"]);
        using var call = one.Documents.Edit();
        foreach (string id in new[] { "a", "b", "c" })
        {
            await call.RequestStream.WriteAsync(new EditRequest { Open = new OpenDocument { DocumentId = id, Text = TestData.Seed } });
            Assert.True(await call.ResponseStream.MoveNext());
        }

        var store = (Internal.DocumentStore)one.Services.GetService(typeof(Internal.DocumentStore))!;
        Assert.Equal(2, store.Count); // "a" went first
        Assert.True(store.Bytes <= (2 * seedBytes) + 10);
        await call.RequestStream.WriteAsync(new EditRequest { Change = new ChangeDocument { DocumentId = "a", BaseVersion = 1 } });
        var evicted = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.NotFound, evicted.StatusCode);
    }

    [Fact]
    public async Task Edit_OneDocumentTooManyForThePrincipal_IsResourceExhaustedBeforeAnalysis()
    {
        await using OneOffServer one = await OneOffServer.StartAsync(["--Engine:MaxDocumentsPerPrincipal=2"]);
        using var call = one.Documents.Edit();
        foreach (string id in new[] { "a", "b" })
        {
            await call.RequestStream.WriteAsync(new EditRequest { Open = new OpenDocument { DocumentId = id, Text = TestData.Seed } });
            Assert.True(await call.ResponseStream.MoveNext());
        }

        await call.RequestStream.WriteAsync(new EditRequest { Open = new OpenDocument { DocumentId = "c", Text = TestData.Seed } });
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("Engine:MaxDocumentsPerPrincipal", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("engine.v1.Summarizer")]
    [InlineData("engine.v1.Documents")]
    public async Task Health_TheServerAndEachService_AreServing(string service)
    {
        HealthCheckResponse health = await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest { Service = service });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task Health_UnknownService_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest { Service = "engine.v1.Nothing" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    internal static async Task AssertHealthyAsync(global::Grpc.Net.Client.GrpcChannel channel)
    {
        HealthCheckResponse health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }
}
