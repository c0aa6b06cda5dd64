using Engine.Buffers;
using Engine.Grpc.V1;
using Engine.Tests.Infrastructure;
using Grpc.Health.V1;

namespace Engine.Server.Tests;

[Collection(ServerCollection.Name)]
public class HostTests(ServerFixture server)
{
    [Fact]
    public async Task Reflection_V1AndV1Alpha_ListTheEngineServices()
    {
        using (var v1 = new global::Grpc.Reflection.V1.ServerReflection.ServerReflectionClient(server.Channel).ServerReflectionInfo())
        {
            await v1.RequestStream.WriteAsync(new global::Grpc.Reflection.V1.ServerReflectionRequest { ListServices = "" });
            Assert.True(await v1.ResponseStream.MoveNext(CancellationToken.None));
            string[] services = [.. v1.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name)];
            Assert.Contains("engine.v1.Summarizer", services);
            Assert.Contains("engine.v1.Documents", services);
            await v1.RequestStream.CompleteAsync();
        }

        using var alpha = new global::Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(server.Channel).ServerReflectionInfo();
        await alpha.RequestStream.WriteAsync(new global::Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" });
        Assert.True(await alpha.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains(alpha.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "engine.v1.Summarizer");
        await alpha.RequestStream.CompleteAsync();
    }

    [Fact]
    public async Task Health_IsServing()
    {
        var health = new Health.HealthClient(server.Channel);
        HealthCheckResponse response = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Pools_AfterSuccessErrorsAndCancellation_EveryBufferIsBack()
    {
        // Success, rejection and cancellation paths, then a check at rest.
        for (int i = 0; i < 10; i++)
        {
            await server.Summarizer.SummarizeAsync(new SummarizeRequest { Text = TestData.Seed });
            await Assert.ThrowsAnyAsync<Exception>(() => server.Summarizer.SummarizeAsync(new SummarizeRequest { Text = TestData.Seed, Ratio = 2 }).ResponseAsync);
            using var cts = new CancellationTokenSource();
            using var call = server.Summarizer.SummarizeStream(new SummarizeRequest { Text = TestData.Seed }, cancellationToken: cts.Token);
            await call.ResponseStream.MoveNext(CancellationToken.None);
            cts.Cancel();
        }

        PoolStatistics stats = EnginePools.Statistics;
        for (int wait = 0; wait < 50 && (stats.AnalysesInUse != 0 || stats.ArraysOutstanding != stats.ArraysInLists); wait++)
        {
            await Task.Delay(100); // cancelled handlers finish asynchronously
            stats = EnginePools.Statistics;
        }

        Assert.True(stats.AnalysesRented >= 20, $"{stats.AnalysesRented} analyses rented"); // ten Summarize and ten SummarizeStream calls at least
        Assert.Equal(0, stats.AnalysesInUse);
        Assert.Equal(stats.ArraysInLists, stats.ArraysOutstanding);
        Assert.True(stats.ArraysInLists >= stats.AnalysesAlive, "every pooled analysis keeps its lists");
    }
}
