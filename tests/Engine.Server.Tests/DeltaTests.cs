using System.Text;
using Engine.Grpc.V1;
using Engine.Tests.Infrastructure;
using Grpc.Core;
using static Engine.Server.Tests.EditCalls;

namespace Engine.Server.Tests;

/// <summary>
/// UPDATE_MODE_DELTA: after seeded random edits, the result a client rebuilds from the deltas alone
/// (<see cref="DeltaApplier"/>) equals a fresh Summarize of the same text, in every offset unit.
/// </summary>
[Collection(ServerCollection.Name)]
public class DeltaTests(ServerFixture server)
{
    private static readonly string[] Snippets =
    [
        "كلمة", " ", ".", "،", "\n", "\n\n", "“", "”", "«", "»", " وقال الوزير إن ", " وأضاف “الوضع مستقر.” ",
        "٢٫٥", " بحسب مصادر مطلعة، ", "...", "؟", "الحكومة العراقية", "🌍",
        "قال المتحدث باسم الوزارة جون كيربي إنّ “المهمة لم تتغير”.",
    ];

    public static TheoryData<OffsetUnit> Units() => new() { OffsetUnit.Utf16, OffsetUnit.CodePoint, OffsetUnit.Utf8 };

    [Theory]
    [MemberData(nameof(Units))]
    public Task RandomEdits_OnANewsArticle_RebuiltFromDeltasEqualAFreshSummary(OffsetUnit unit) =>
        RandomEditsAsync(TestData.NewsArticles()[7].Text, unit, seed: 11 + (int)unit, explain: true);

    [Theory]
    [MemberData(nameof(Units))]
    [Trait("Category", "Corpus")]
    public Task RandomEdits_OnTheEightyArticlesJoined_RebuiltFromDeltasEqualAFreshSummary(OffsetUnit unit) =>
        RandomEditsAsync(string.Join("\n", TestData.NewsArticles().Select(a => a.Text)), unit, seed: 23 + (int)unit, explain: false);

    [Fact]
    public async Task OneWordEdit_InTheEightyArticlesJoined_SendsAHundredthOfTheWholeResult()
    {
        string id = Guid.NewGuid().ToString();
        string text = string.Join("\n", TestData.NewsArticles().Select(a => a.Text));
        int at = text.IndexOf(" الحكومة ", text.Length / 2, StringComparison.Ordinal) + 1;
        using var call = server.Documents.Edit();
        DocumentUpdate opened = await SendAsync(call, Open(id, text, OffsetUnit.Utf16));
        DocumentUpdate changed = await SendAsync(call, Change(id, 1, new TextEdit { Start = at, End = at + "الحكومة".Length, NewText = "السلطة" }));
        await call.RequestStream.CompleteAsync();

        Assert.Null(changed.Result);
        Assert.True(opened.Result.Quotes.Count > 500, $"{opened.Result.Quotes.Count} quotes");
        Assert.True(changed.CalculateSize() * 100 < opened.CalculateSize(), $"{changed.CalculateSize()} bytes against {opened.CalculateSize()}");
        Assert.Equal((long)at, changed.Delta.ReplacedStart);
        Assert.Equal(-1, changed.Delta.NewEnd - changed.Delta.ReplacedEnd); // one character shorter
    }

    [Fact]
    public void Delta_KeepsItemsAfterTheEditAtTheirShiftedOffsetsAndIndices_AndResendsWhatChanged()
    {
        // A sentence was inserted at [100, 100) as [100, 130): one sentence more before the later ones.
        static Sentence S(int index, long start, long end, string text, double score) => new() { Index = index, Start = start, End = end, Text = text, Score = score };
        static Quote Q(long start, long end, long speakerStart) => new() { Content = "c", ContentStart = start, ContentEnd = end, SpeakerStart = speakerStart, SpeakerEnd = speakerStart < 0 ? -1 : speakerStart + 3 };
        var before = new SummarizeResponse
        {
            Id = "d",
            Sentences = { S(0, 0, 50, "a", 1), S(3, 120, 160, "b", 2), S(7, 400, 450, "c", 3) },
            Quotes = { Q(10, 20, 0), Q(95, 105, -1), Q(200, 210, 40), Q(500, 510, -1) },
            Keyphrases = { new Keyphrase { Text = "k", Score = 1 } },
        };
        var after = new SummarizeResponse
        {
            Id = "d",
            Sentences = { S(0, 0, 50, "a", 1), S(2, 100, 130, "new", 5), S(4, 150, 190, "b", 2), S(8, 430, 480, "c", 3.5) },
            Quotes = { Q(10, 20, 0), Q(100, 110, -1), Q(230, 240, 40), Q(530, 540, -1) },
            Keyphrases = { new Keyphrase { Text = "k", Score = 1 } },
        };
        SummarizeResponse held = before.Clone();

        DocumentDelta delta = Internal.Deltas.Between(before, after.Clone(), new Internal.OffsetShift(100, 100, 130, 1));

        Assert.Equal([2], delta.Sentences.Removed);                            // its score changed: resent
        Assert.Equal([1, 3], delta.Sentences.AddedAt);                         // the new sentence, and the rescored one
        Assert.Equal([1], delta.Quotes.Removed);                               // the insertion fell inside it
        Assert.Equal([1], delta.Quotes.AddedAt);
        Assert.Empty(delta.Keyphrases.Added);
        Assert.Equal(after, DeltaApplier.Apply(held, delta));
    }

    [Fact]
    public async Task ReadMask_OfSentencesAlone_NeverSendsQuotes()
    {
        string id = Guid.NewGuid().ToString();
        using var call = server.Documents.Edit();
        EditRequest open = Open(id, TestData.Seed, OffsetUnit.Utf16);
        open.Open.Options.ReadMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "sentences" } };
        DocumentUpdate opened = await SendAsync(call, open);
        DocumentUpdate changed = await SendAsync(call, Change(id, 1, new TextEdit { Start = 0, End = 0, NewText = "قال الوزير إن “الوضع مستقر”.\n" }));
        await call.RequestStream.CompleteAsync();

        Assert.Equal(5, opened.Result.Sentences.Count);
        Assert.Empty(opened.Result.Quotes);
        Assert.Null(opened.Result.Stats);
        Assert.Equal(0, changed.Stats.QuotesAdded); // no quote extraction ran
        Assert.Empty(changed.Delta.Quotes.Added);
    }

    [Fact]
    public async Task UnknownUpdateMode_IsInvalidArgument()
    {
        using var call = server.Documents.Edit();
        EditRequest open = Open(Guid.NewGuid().ToString(), TestData.Seed, OffsetUnit.Utf16);
        open.Open.Options.UpdateMode = (UpdateMode)9;
        RpcException error = await RejectedAsync(call, open);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("update_mode 9", error.Status.Detail, StringComparison.Ordinal);
    }

    private async Task RandomEditsAsync(string text, OffsetUnit unit, int seed, bool explain)
    {
        string id = Guid.NewGuid().ToString();
        var random = new Random(seed);
        using var call = server.Documents.Edit();
        EditRequest open = Open(id, text, unit);
        open.Open.Options.Explain = explain;
        DocumentUpdate update = await SendAsync(call, open);
        SummarizeResponse held = update.Result;
        await AssertFreshAsync(held, text, unit, explain, "opened");
        for (int step = 0; step < 40; step++)
        {
            // One edit, sometimes two far apart, in UTF-16 first and then in the session's unit.
            var edits = new List<(int Start, int End, string Text)> { RandomEdit(random, text, 0) };
            if (random.Next(4) == 0 && edits[0].End + 2 < text.Length)
            {
                edits.Add(RandomEdit(random, text, edits[0].End + 1));
            }

            var change = Change(id, update.Version, [.. edits.Select(e => new TextEdit { Start = ToUnit(text, e.Start, unit), End = ToUnit(text, e.End, unit), NewText = e.Text })]);
            for (int i = edits.Count - 1; i >= 0; i--)
            {
                text = string.Concat(text.AsSpan(0, edits[i].Start), edits[i].Text, text.AsSpan(edits[i].End));
            }

            update = await SendAsync(call, change);
            Assert.Null(update.Result);
            held = DeltaApplier.Apply(held, update.Delta);
            await AssertFreshAsync(held, text, unit, explain, $"step {step}: {string.Join(", ", edits)}");
        }

        await call.RequestStream.CompleteAsync();
    }

    private async Task AssertFreshAsync(SummarizeResponse held, string text, OffsetUnit unit, bool explain, string because)
    {
        SummarizeResponse fresh = await server.Summarizer.SummarizeAsync(new SummarizeRequest { Id = held.Id, Text = text, MaxSentences = 5, OffsetUnit = unit, Explain = explain });
        Assert.True(fresh.Sentences.Equals(held.Sentences), $"sentences differ after {because}");
        Assert.True(fresh.AllSentences.Equals(held.AllSentences), $"all_sentences differ after {because}");
        Assert.True(fresh.Quotes.Equals(held.Quotes), $"quotes differ after {because}: {fresh.Quotes.Count} fresh, {held.Quotes.Count} held");
        Assert.True(fresh.Diagnostics.Equals(held.Diagnostics), $"diagnostics differ after {because}");
        Assert.True(fresh.Keyphrases.Equals(held.Keyphrases), $"keyphrases differ after {because}");
        Assert.Equal(fresh.Stats.Sentences, held.Stats.Sentences);
        Assert.Equal((fresh.Stats.DocumentWords, fresh.Stats.SummaryWords, fresh.Stats.Quotes), (held.Stats.DocumentWords, held.Stats.SummaryWords, held.Stats.Quotes));
    }

    /// <summary>A random edit at or after <paramref name="from"/> that never splits a surrogate pair.</summary>
    private static (int Start, int End, string Text) RandomEdit(Random random, string text, int from)
    {
        int Whole(int p) => p > 0 && p < text.Length && char.IsLowSurrogate(text[p]) ? p - 1 : p;
        int start = Whole(random.Next(from, text.Length + 1));
        int end = random.Next(10) switch
        {
            < 4 => start,
            < 8 => Math.Min(text.Length, start + random.Next(1, 12)),
            _ => Math.Min(text.Length, start + random.Next(12, 400)),
        };
        end = Math.Max(start, Whole(end));
        return (start, end, random.Next(5) == 0 ? "" : Snippets[random.Next(Snippets.Length)]);
    }

    private static long ToUnit(string text, int utf16, OffsetUnit unit) => unit switch
    {
        OffsetUnit.CodePoint => utf16 - text.Take(utf16).Count(char.IsLowSurrogate),
        OffsetUnit.Utf8 => Encoding.UTF8.GetByteCount(text.AsSpan(0, utf16)),
        _ => utf16,
    };

    private static EditRequest Open(string id, string text, OffsetUnit unit) => new()
    {
        Open = new OpenDocument
        {
            DocumentId = id,
            Text = text,
            Options = new DocumentOptions { MaxSentences = 5, OffsetUnit = unit, UpdateMode = UpdateMode.Delta },
        },
    };
}
