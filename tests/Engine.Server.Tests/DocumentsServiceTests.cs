using Engine.Grpc.V1;
using Engine.Tests.Infrastructure;
using Grpc.Core;
using static Engine.Server.Tests.EditCalls;

namespace Engine.Server.Tests;

[Collection(ServerCollection.Name)]
public class DocumentsServiceTests(ServerFixture server, SmallLimitsServerFixture small)
{
    private static EditRequest Open(string id, string text, OffsetUnit unit = OffsetUnit.Unspecified) =>
        new() { Open = new OpenDocument { DocumentId = id, Text = text, Options = new DocumentOptions { MaxSentences = 3, OffsetUnit = unit } } };

    [Fact]
    public async Task Edit_OpenChangeClose_GivesVersionsWithResultsEqualToAFreshSummary()
    {
        string id = Guid.NewGuid().ToString();
        string seed = TestData.Seed;
        using var call = server.Documents.Edit();
        DocumentUpdate opened = await SendAsync(call, Open(id, seed));
        int at = seed.IndexOf("2500", StringComparison.Ordinal);
        DocumentUpdate changed = await SendAsync(call, Change(id, 1, new TextEdit { Start = at, End = at + 4, NewText = "3000" }));
        await call.RequestStream.WriteAsync(new EditRequest { Close = new CloseDocument { DocumentId = id } });
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(1, opened.Version);
        Assert.Equal(2, changed.Version);
        Assert.Equal(3, changed.Result.Sentences.Count);
        Assert.Equal(13, changed.Result.Quotes.Count);
        string edited = seed.Replace("2500", "3000", StringComparison.Ordinal);
        SummarizeResponse fresh = await server.Summarizer.SummarizeAsync(new SummarizeRequest { Text = edited, MaxSentences = 3 });
        Assert.Equal(fresh.Sentences.Select(s => (s.Start, s.End, s.Text)), changed.Result.Sentences.Select(s => (s.Start, s.End, s.Text)));
        Assert.Equal(changed.Stats.SentencesAnalyzed + changed.Stats.SentencesReused, changed.Result.Stats.Sentences);
        Assert.InRange(changed.Stats.SentencesAnalyzed, 1, 2); // only the sentence holding the number was re-lexed
        Assert.Equal(changed.Result.Stats.Sentences - changed.Stats.SentencesAnalyzed, changed.Stats.SentencesReused);
        Assert.Equal((0, 1), (changed.Stats.SectionsReused, changed.Stats.SectionsAnalyzed)); // the seed is one section
    }

    [Theory]
    [InlineData(Algorithm.Lead)]
    [InlineData(Algorithm.Lexrank)]
    public async Task Edit_WithAnAlgorithm_SummarizesAsThatAlgorithmWould(Algorithm algorithm)
    {
        string id = Guid.NewGuid().ToString();
        using var call = server.Documents.Edit();
        DocumentUpdate opened = await SendAsync(call, new EditRequest
        {
            Open = new OpenDocument { DocumentId = id, Text = TestData.Seed, Options = new DocumentOptions { MaxSentences = 3, Algorithm = algorithm } },
        });
        await call.RequestStream.CompleteAsync();

        SummarizeResponse fresh = await server.Summarizer.SummarizeAsync(new SummarizeRequest { Text = TestData.Seed, MaxSentences = 3, Algorithm = algorithm });
        SummarizeResponse engine = await server.Summarizer.SummarizeAsync(new SummarizeRequest { Text = TestData.Seed, MaxSentences = 3 });
        Assert.Equal(fresh.Sentences.Select(s => s.Index), opened.Result.Sentences.Select(s => s.Index));
        if (algorithm == Algorithm.Lead)
        {
            Assert.NotEqual(engine.Sentences.Select(s => s.Index), opened.Result.Sentences.Select(s => s.Index));
        }
    }

    [Fact]
    public async Task Edit_InALongDocument_ReanalysesOneSectionAndAnswersAsAFreshSummaryWould()
    {
        string id = Guid.NewGuid().ToString();
        string text = string.Join("\n", TestData.NewsArticles().Select(a => a.Text));
        int at = text.IndexOf(" الحكومة ", text.Length / 2, StringComparison.Ordinal) + 1;
        using var call = server.Documents.Edit();
        DocumentUpdate opened = await SendAsync(call, new EditRequest { Open = new OpenDocument { DocumentId = id, Text = text, Options = new DocumentOptions { Ratio = 0.1 } } });
        DocumentUpdate changed = await SendAsync(call, Change(id, 1, new TextEdit { Start = at, End = at + "الحكومة".Length, NewText = "السلطة" }));
        await call.RequestStream.CompleteAsync();

        Assert.True(opened.Stats.SectionsAnalyzed >= 10, $"{opened.Stats.SectionsAnalyzed} sections");
        Assert.Equal((opened.Stats.SectionsAnalyzed - 1, 1), (changed.Stats.SectionsReused, changed.Stats.SectionsAnalyzed));
        string edited = string.Concat(text.AsSpan(0, at), "السلطة", text.AsSpan(at + "الحكومة".Length));
        SummarizeResponse fresh = await server.Summarizer.SummarizeAsync(new SummarizeRequest { Text = edited, Ratio = 0.1 });
        Assert.Equal(fresh.Sentences.Select(s => (s.Start, s.End, s.Text)), changed.Result.Sentences.Select(s => (s.Start, s.End, s.Text)));
        Assert.Equal(fresh.Quotes.Select(q => (q.Content, q.Speaker, q.ContentStart)), changed.Result.Quotes.Select(q => (q.Content, q.Speaker, q.ContentStart)));
    }

    [Fact]
    public async Task Edit_StaleBaseVersion_IsFailedPreconditionAndTheDocumentStaysAtItsVersion()
    {
        string id = Guid.NewGuid().ToString();
        using (var call = server.Documents.Edit())
        {
            await SendAsync(call, Open(id, TestData.Seed));
            await SendAsync(call, Change(id, 1, new TextEdit { Start = 0, End = 0, NewText = "عاجل: " }));
            RpcException error = await RejectedAsync(call, Change(id, 1, new TextEdit { Start = 0, End = 0, NewText = "x" }));
            Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
            Assert.Contains("base_version 1 is not the current version 2", error.Status.Detail, StringComparison.Ordinal);
        }

        // A new stream (a reconnecting client) carries on at the last accepted version.
        using var again = server.Documents.Edit();
        DocumentUpdate update = await SendAsync(again, Change(id, 2, new TextEdit { Start = 0, End = 0, NewText = "تحديث " }));
        Assert.Equal(3, update.Version);
    }

    [Theory]
    [InlineData(-1, 2, "outside the text")]
    [InlineData(5, 2, "outside the text")]
    [InlineData(0, 100000, "outside the text")]
    public async Task Edit_OutOfRangeEdit_IsInvalidArgumentAndChangesNothing(long start, long end, string message)
    {
        string id = Guid.NewGuid().ToString();
        using (var call = server.Documents.Edit())
        {
            await SendAsync(call, Open(id, TestData.Seed));
            RpcException error = await RejectedAsync(call, Change(id, 1, new TextEdit { Start = start, End = end, NewText = "x" }));
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.Contains(message, error.Status.Detail, StringComparison.Ordinal);
        }

        using var again = server.Documents.Edit();
        DocumentUpdate update = await SendAsync(again, Change(id, 1, new TextEdit { Start = 0, End = 0, NewText = "" }));
        Assert.Equal(2, update.Version);
        Assert.Equal(13, update.Result.Quotes.Count);
    }

    [Fact]
    public async Task Edit_OverlappingEdits_AreInvalidArgument()
    {
        string id = Guid.NewGuid().ToString();
        using var call = server.Documents.Edit();
        await SendAsync(call, Open(id, TestData.Seed));
        RpcException error = await RejectedAsync(call, Change(id, 1, new TextEdit { Start = 10, End = 20, NewText = "a" }, new TextEdit { Start = 15, End = 25, NewText = "b" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("overlaps", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_OffsetInsideAnEmojiInCodePointUnits_IsRejectedAndUtf8EditsApply()
    {
        string id = Guid.NewGuid().ToString();
        const string text = "وصل الوفد 🌍 إلى بغداد أمس في زيارة رسمية تستمر يومين لبحث التعاون.";
        using var call = server.Documents.Edit();
        await SendAsync(call, Open(id, text, OffsetUnit.Utf8));
        int utf8Start = System.Text.Encoding.UTF8.GetByteCount(text[..text.IndexOf("🌍", StringComparison.Ordinal)]);
        DocumentUpdate update = await SendAsync(call, Change(id, 1, new TextEdit { Start = utf8Start, End = utf8Start + 4, NewText = "" }));
        Assert.DoesNotContain("🌍", update.Result.Sentences[0].Text, StringComparison.Ordinal);
        RpcException error = await RejectedAsync(call, Change(id, 2, new TextEdit { Start = 1, End = 1, NewText = "x" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("splits a character", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_UnknownDocument_IsNotFound()
    {
        using var call = server.Documents.Edit();
        RpcException error = await RejectedAsync(call, Change("no-such-document", 1, new TextEdit { Start = 0, End = 0, NewText = "x" }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("'no-such-document' is not open", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_OpenTwice_IsAlreadyExists()
    {
        string id = Guid.NewGuid().ToString();
        using var call = server.Documents.Edit();
        await SendAsync(call, Open(id, TestData.Seed));
        RpcException error = await RejectedAsync(call, Open(id, TestData.Seed));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
    }

    [Fact]
    public async Task Edit_OpenEmptyText_IsInvalidArgument()
    {
        using var call = server.Documents.Edit();
        RpcException error = await RejectedAsync(call, Open(Guid.NewGuid().ToString(), "   "));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Edit_BeyondMaxDocuments_EvictsTheLeastRecentlyUsed()
    {
        using var call = small.Server.Documents.Edit();
        await SendAsync(call, Open("a", "وصل الوفد إلى بغداد أمس في زيارة رسمية."));
        await SendAsync(call, Open("b", "وصل الوفد إلى دمشق أمس في زيارة رسمية."));
        await SendAsync(call, Open("c", "وصل الوفد إلى عمان أمس في زيارة رسمية."));
        RpcException error = await RejectedAsync(call, Change("a", 1, new TextEdit { Start = 0, End = 0, NewText = "x" }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Edit_ChangeGrowingPastTheLimit_IsResourceExhaustedAndChangesNothing()
    {
        using (var call = small.Server.Documents.Edit())
        {
            await SendAsync(call, Open("grow", "وصل الوفد إلى بغداد أمس في زيارة رسمية."));
            RpcException error = await RejectedAsync(call, Change("grow", 1, new TextEdit { Start = 0, End = 0, NewText = new string('ب', 12000) }));
            Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        }

        using var again = small.Server.Documents.Edit();
        DocumentUpdate update = await SendAsync(again, Change("grow", 1, new TextEdit { Start = 0, End = 0, NewText = "عاجل: " }));
        Assert.Equal(2, update.Version);
    }
}
