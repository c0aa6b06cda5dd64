using Engine.Grpc.V1;
using Engine.Tests.Infrastructure;
using Grpc.Core;

namespace Engine.Server.Tests;

[Collection(ServerCollection.Name)]
public class SummarizerServiceTests(ServerFixture server)
{
    private static SummarizeRequest Seed(Action<SummarizeRequest>? configure = null)
    {
        var request = new SummarizeRequest { Id = "seed", Text = TestData.Seed };
        configure?.Invoke(request);
        return request;
    }

    [Fact]
    public async Task Summarize_Seed_ReturnsVerbatimSentencesInOrderAndItsQuotes()
    {
        string seed = TestData.Seed;
        SummarizeResponse response = await server.Summarizer.SummarizeAsync(Seed());

        Assert.Equal("seed", response.Id);
        Assert.NotEmpty(response.Sentences);
        Assert.Equal(response.Sentences.OrderBy(s => s.Start), response.Sentences);
        Assert.All(response.Sentences, s => Assert.Equal(seed[(int)s.Start..(int)s.End], s.Text));
        Assert.StartsWith("الحوار الإستراتيجي بين العراق", response.Sentences[0].Text, StringComparison.Ordinal);
        Assert.Equal(13, response.Quotes.Count);
        Assert.Equal("جين ساكي", response.Quotes[^1].SpeakerName);
        Assert.Equal(23, response.Stats.Sentences);
        Assert.True(response.Stats.SummaryWords <= response.Stats.DocumentWords * 0.2);
    }

    [Fact]
    public async Task Summarize_ReturnsTheKeyphrases_AndExtractQuotesDoesNotComputeThem()
    {
        SummarizeResponse summary = await server.Summarizer.SummarizeAsync(Seed());
        SummarizeResponse quotes = await server.Summarizer.ExtractQuotesAsync(Seed());

        Assert.Equal(Engine.Keyphrases.KeyphraseExtractor.Extract(TestData.Seed).Select(k => (k.Text, k.Score)), summary.Keyphrases.Select(k => (k.Text, k.Score)));
        Assert.Equal("العراق والولايات المتّحدة", summary.Keyphrases[0].Text);
        Assert.Empty(quotes.Keyphrases);
        Assert.Empty(quotes.Sentences);
        Assert.Equal(summary.Quotes, quotes.Quotes);
    }

    [Theory]
    [InlineData("sentences", "engine.summary", "engine.quotes")]
    [InlineData("quotes,keyphrases", "engine.quotes", "engine.summary")]
    public async Task AReadMask_ReturnsOnlyItsFields_AndComputesOnlyWhatTheyNeed(string paths, string computed, string skipped)
    {
        using var parent = new System.Diagnostics.Activity("read-mask-test").Start();
        var spans = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == EngineTelemetry.SourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
            ActivityStopped = a => { if (a.TraceId == parent.TraceId) spans.Add(a.OperationName); },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        var mask = new Google.Protobuf.WellKnownTypes.FieldMask();
        mask.Paths.AddRange(paths.Split(','));

        SummarizeResponse response = await server.Summarizer.SummarizeAsync(Seed(r => r.ReadMask = mask));

        string[] fields = paths.Split(',');
        Assert.Equal(fields.Contains("sentences"), response.Sentences.Count > 0);
        Assert.Equal(fields.Contains("quotes"), response.Quotes.Count > 0);
        Assert.Equal(fields.Contains("keyphrases"), response.Keyphrases.Count > 0);
        Assert.Null(response.Stats);
        Assert.Contains(computed, spans);
        Assert.DoesNotContain(skipped, spans);
    }

    [Fact]
    public async Task AReadMaskWithAnUnknownPath_IsInvalidArgument()
    {
        var mask = new Google.Protobuf.WellKnownTypes.FieldMask();
        mask.Paths.Add("speakers");

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Summarizer.SummarizeAsync(Seed(r => r.ReadMask = mask)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("read_mask path 'speakers'", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_BudgetsAndAlgorithms_AreHonoured()
    {
        SummarizeResponse two = await server.Summarizer.SummarizeAsync(Seed(r => r.MaxSentences = 2));
        SummarizeResponse words = await server.Summarizer.SummarizeAsync(Seed(r => r.MaxWords = 120));
        SummarizeResponse lead = await server.Summarizer.SummarizeAsync(Seed(r => { r.Ratio = 0.3; r.Algorithm = Algorithm.Lead; }));
        SummarizeResponse explain = await server.Summarizer.SummarizeAsync(Seed(r => r.Explain = true));

        Assert.Equal(2, two.Sentences.Count);
        Assert.True(words.Stats.SummaryWords <= 120);
        Assert.Equal(Enumerable.Range(3, lead.Sentences.Count), lead.Sentences.Select(s => s.Index));
        Assert.Equal(20, explain.AllSentences.Count);
    }

    [Fact]
    public async Task ExtractQuotes_Seed_ReturnsQuotesOnly()
    {
        SummarizeResponse response = await server.Summarizer.ExtractQuotesAsync(Seed());

        Assert.Empty(response.Sentences);
        Assert.Equal(13, response.Quotes.Count);
        Engine.Grpc.V1.Quote psaki = response.Quotes[^1];
        Assert.Equal(QuoteKind.Mixed, psaki.Kind);
        Assert.Equal(psaki.Speaker, TestData.Seed[(int)psaki.SpeakerStart..(int)psaki.SpeakerEnd]);
    }

    [Fact]
    public async Task ExtractQuotes_MinConfidence_KeepsOnlyTheSurerQuotes()
    {
        SummarizeResponse all = await server.Summarizer.ExtractQuotesAsync(Seed());
        SummarizeResponse sure = await server.Summarizer.ExtractQuotesAsync(Seed(r => r.MinConfidence = 0.85));

        Assert.Equal(all.Quotes.Where(q => q.Confidence >= 0.85).Select(q => q.Content), sure.Quotes.Select(q => q.Content));
        Assert.InRange(sure.Quotes.Count, 1, all.Quotes.Count - 1);
    }

    [Fact]
    public async Task SummarizeStream_Seed_SendsQuotesThenSentencesThenStats()
    {
        SummarizeResponse whole = await server.Summarizer.SummarizeAsync(Seed());
        using var call = server.Summarizer.SummarizeStream(Seed());
        var events = new List<SummarizeEvent>();
        await foreach (SummarizeEvent e in call.ResponseStream.ReadAllAsync())
        {
            events.Add(e);
        }

        Assert.Equal(SummarizeEvent.EventOneofCase.Quote, events[0].EventCase);
        Assert.Equal(SummarizeEvent.EventOneofCase.Stats, events[^1].EventCase);
        Assert.Equal(whole.Quotes, events.Where(e => e.EventCase == SummarizeEvent.EventOneofCase.Quote).Select(e => e.Quote));
        Assert.Equal(whole.Sentences.Select(s => s.Text), events.Where(e => e.EventCase == SummarizeEvent.EventOneofCase.Sentence).Select(e => e.Sentence.Text));
        int lastQuote = events.FindLastIndex(e => e.EventCase == SummarizeEvent.EventOneofCase.Quote);
        int firstSentence = events.FindIndex(e => e.EventCase == SummarizeEvent.EventOneofCase.Sentence);
        Assert.True(lastQuote < firstSentence);
    }

    [Fact]
    public async Task Tokenize_Seed_GivesTokensAndSentencesThatSliceTheText()
    {
        string seed = TestData.Seed;
        TokenizeResponse response = await server.Summarizer.TokenizeAsync(new TokenizeRequest { Text = seed });

        Assert.All(response.Tokens, t => Assert.Equal(seed[(int)t.Start..(int)t.End], t.Text));
        Assert.Contains(response.Tokens, t => t.Kind == TokenKind.Number && t.Text == "2500");
        Token open = response.Tokens.First(t => t.Text == "“");
        Assert.Equal(TokenKind.QuoteMark, open.Kind);
        Assert.Equal([TokenFlag.QuoteOpen], open.Flags);
        Assert.Empty(response.Tokens.First(t => t.Kind == TokenKind.ArabicWord && t.Text == "العراق").Flags);
        Assert.Equal(23, response.Sentences.Count);
        Assert.Equal("title", response.SentenceKinds[0]);
    }

    [Fact]
    public async Task SummarizeBatch_200CorpusDocuments_AnswersEachByIdWithTheSameResultAsSummarize()
    {
        var docs = TestData.NewsArticles().Select(a => (Id: a.Id, Text: a.Text))
            .Concat(TestData.ReadJsonLines(TestData.EascPath).Take(120).Select(e => (Id: e.GetProperty("id").GetString()!, Text: e.GetProperty("text").GetString()!)))
            .ToList();
        Assert.Equal(200, docs.Count);

        using var call = server.Summarizer.SummarizeBatch();
        var reading = Task.Run(async () =>
        {
            var got = new Dictionary<string, SummarizeResponse>();
            await foreach (SummarizeResponse r in call.ResponseStream.ReadAllAsync())
            {
                got.Add(r.Id, r);
            }

            return got;
        });
        foreach (var (id, text) in docs)
        {
            await call.RequestStream.WriteAsync(new SummarizeRequest { Id = id, Text = text, Ratio = 0.25 });
        }

        await call.RequestStream.CompleteAsync();
        Dictionary<string, SummarizeResponse> responses = await reading;

        Assert.Equal(docs.Select(d => d.Id).Order(), responses.Keys.Order());
        foreach (var (id, text) in docs.Where((_, i) => i % 20 == 0))
        {
            SummarizeResponse single = await server.Summarizer.SummarizeAsync(new SummarizeRequest { Id = id, Text = text, Ratio = 0.25 });
            Assert.Equal(single.Sentences.Select(s => s.Text), responses[id].Sentences.Select(s => s.Text));
            Assert.Equal(single.Quotes.Count, responses[id].Quotes.Count);
        }
    }

    [Fact]
    public async Task SummarizeBatch_BadDocument_GetsAnErrorAndTheOthersStillAnswer()
    {
        using var call = server.Summarizer.SummarizeBatch();
        await call.RequestStream.WriteAsync(new SummarizeRequest { Id = "good", Text = TestData.Seed });
        await call.RequestStream.WriteAsync(new SummarizeRequest { Id = "empty", Text = "  " });
        await call.RequestStream.WriteAsync(new SummarizeRequest { Id = "ratio", Text = TestData.Seed, Ratio = 7 });
        await call.RequestStream.CompleteAsync();
        var responses = new Dictionary<string, SummarizeResponse>();
        await foreach (SummarizeResponse r in call.ResponseStream.ReadAllAsync())
        {
            responses.Add(r.Id, r);
        }

        Assert.Null(responses["good"].Error);
        Assert.NotEmpty(responses["good"].Sentences);
        Assert.Equal((int)StatusCode.InvalidArgument, responses["empty"].Error.Code);
        Assert.StartsWith("text is empty", responses["empty"].Error.Message, StringComparison.Ordinal);
        Assert.Contains("ratio must be", responses["ratio"].Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeBatch_ClientCancelsMidStream_EndsTheCallAndTheServerKeepsServing()
    {
        using var cts = new CancellationTokenSource();
        using var call = server.Summarizer.SummarizeBatch(cancellationToken: cts.Token);
        for (int i = 0; i < 50; i++)
        {
            await call.RequestStream.WriteAsync(new SummarizeRequest { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Text = TestData.Seed });
        }

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        cts.Cancel();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        });

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        SummarizeResponse after = await server.Summarizer.SummarizeAsync(Seed());
        Assert.Equal(13, after.Quotes.Count);
    }

    [Fact]
    public async Task Summarize_DeadlineAlreadyPassed_IsDeadlineExceeded()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Summarizer.SummarizeAsync(Seed(), deadline: DateTime.UtcNow.AddMilliseconds(-1)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task SummarizeBatch_SlowReader_HoldsTheServerBackInsteadOfBuffering()
    {
        long before = Engine.Buffers.EnginePools.Statistics.AnalysesRented;
        using var call = server.Summarizer.SummarizeBatch();
        var writing = Task.Run(async () =>
        {
            for (int i = 0; i < 100; i++)
            {
                await call.RequestStream.WriteAsync(new SummarizeRequest { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Text = TestData.Seed });
            }

            await call.RequestStream.CompleteAsync();
        });

        // Read nothing for a while: the server may only work as far as its window and the transport's buffers allow.
        await Task.Delay(1500);
        long started = Engine.Buffers.EnginePools.Statistics.AnalysesRented - before;
        Assert.True(started < 60, $"{started} of 100 documents processed while nobody read");

        int received = 0;
        await foreach (SummarizeResponse _ in call.ResponseStream.ReadAllAsync())
        {
            received++;
        }

        await writing;
        Assert.Equal(100, received);
    }
}
