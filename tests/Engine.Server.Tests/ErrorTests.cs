using Engine.Grpc.V1;
using Engine.Tests.Infrastructure;
using Grpc.Core;

namespace Engine.Server.Tests;

[Collection(ServerCollection.Name)]
public class ErrorTests(ServerFixture server, SmallLimitsServerFixture small)
{
    public static TheoryData<string, SummarizeRequest, string> InvalidRequests() => new()
    {
        { "empty text", new SummarizeRequest { Text = "" }, "text is empty" },
        { "whitespace", new SummarizeRequest { Text = " \n\t " }, "text is empty" },
        { "ratio 0", new SummarizeRequest { Text = "نص قصير.", Ratio = 0 }, "ratio must be" },
        { "ratio 1.5", new SummarizeRequest { Text = "نص قصير.", Ratio = 1.5 }, "ratio must be" },
        { "ratio NaN", new SummarizeRequest { Text = "نص قصير.", Ratio = double.NaN }, "ratio must be" },
        { "max_sentences 0", new SummarizeRequest { Text = "نص قصير.", MaxSentences = 0 }, "max_sentences must be at least 1" },
        { "max_words -3", new SummarizeRequest { Text = "نص قصير.", MaxWords = -3 }, "max_words must be at least 1" },
        { "min_confidence 2", new SummarizeRequest { Text = "نص قصير.", MinConfidence = 2 }, "min_confidence must be between 0 and 1" },
        { "min_confidence NaN", new SummarizeRequest { Text = "نص قصير.", MinConfidence = double.NaN }, "min_confidence must be between 0 and 1" },
        { "unknown unit", new SummarizeRequest { Text = "نص قصير.", OffsetUnit = (OffsetUnit)9 }, "offset_unit 9 is unknown" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Summarize_InvalidRequest_IsInvalidArgumentNamingTheProblem(string name, SummarizeRequest request, string message)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Summarizer.SummarizeAsync(request).ResponseAsync);

        Assert.True(error.StatusCode == StatusCode.InvalidArgument, name);
        Assert.Contains(message, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_TextOverTheLimit_IsResourceExhausted()
    {
        string big = string.Concat(Enumerable.Repeat(TestData.Seed, 3)); // ≈ 30,000 UTF-8 bytes > 20,000
        var error = await Assert.ThrowsAsync<RpcException>(() => small.Server.Summarizer.SummarizeAsync(new SummarizeRequest { Text = big }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("the limit is 20000 bytes", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_TextOverTheDefaultLimit_IsResourceExhausted()
    {
        string big = new('ب', (4 * 1024 * 1024 / 2) + 10); // 2 bytes each in UTF-8: just over 4 MiB
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Summarizer.SummarizeAsync(new SummarizeRequest { Text = big }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Summarize_AfterRejections_ServerKeepsServing()
    {
        await Assert.ThrowsAsync<RpcException>(() => server.Summarizer.SummarizeAsync(new SummarizeRequest { Text = "" }).ResponseAsync);
        SummarizeResponse ok = await server.Summarizer.SummarizeAsync(new SummarizeRequest { Text = TestData.Seed });

        Assert.NotEmpty(ok.Sentences);
    }
}
