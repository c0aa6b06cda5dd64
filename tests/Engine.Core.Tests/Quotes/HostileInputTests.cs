using Engine.Text;
using Engine.Incremental;
using Engine.Quotes;
using Engine.Quotes.Internal;
using Engine.Summarization;

namespace Engine.Core.Tests.Quotes;

/// <summary>
/// Texts no article contains but a careless or hostile client sends: stray quote marks by the
/// thousand, one endless sentence of cues. Their results stay small and their work stays
/// cancellable (the time they take is measured in the benchmarks, never here).
/// </summary>
public sealed class HostileInputTests
{
    [Theory]
    [InlineData('«', QuoteDiagnostic.UnclosedQuote)]
    [InlineData('»', QuoteDiagnostic.UnopenedQuote)]
    public void Extract_ThousandsOfStrayMarks_ReportsTheFirstHundredAndCountsTheRest(char mark, string code)
    {
        string text = new(mark, 5_000);

        QuoteResult result = QuoteExtractor.Extract(text);

        Assert.Empty(result.Quotes);
        Assert.Equal(QuotePairing.MaxMarkDiagnostics + 1, result.Diagnostics.Count);
        Assert.All(result.Diagnostics.Take(QuotePairing.MaxMarkDiagnostics), d => Assert.Equal(code, d.Code));
        QuoteDiagnostic rest = result.Diagnostics[^1];
        Assert.Equal(QuoteDiagnostic.UnmatchedNotReported, rest.Code);
        Assert.StartsWith("4900 more unmatched quote marks", rest.Message, StringComparison.Ordinal);
        Assert.Equal(new TextSpan(QuotePairing.MaxMarkDiagnostics, text.Length), rest.Span);
    }

    [Fact]
    public void Extract_MarksNestedThousandsDeep_PairEveryOne()
    {
        string text = "قال الوزير " + new string('«', 3_000) + "سنواصل العمل مع الشركاء في المنطقة" + new string('»', 3_000) + ".";

        QuoteResult result = QuoteExtractor.Extract(text);

        Assert.Empty(result.Diagnostics);
        Quote quote = Assert.Single(result.Quotes);
        Assert.Equal("الوزير", quote.Speaker);
        Assert.Contains("سنواصل العمل", quote.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@.'قال:'")]          // a colon and a stray mark end the text (found by fuzzing)
    [InlineData("وقال الوزير: «»")]   // an empty quotation
    [InlineData("وقال الوزير: «")]    // an opening mark ends the text
    public void Extract_CueWithNothingReported_GivesNoQuoteAndNoError(string text)
    {
        QuoteResult result = QuoteExtractor.Extract(text);

        Assert.All(result.Quotes, q => Assert.True(q.ContentSpan.Start < q.ContentSpan.End && q.ContentSpan.End <= text.Length));
        Assert.DoesNotContain(result.Quotes, q => q.Content.Length == 0);
    }

    [Fact]
    public void Extract_FewStrayMarks_ReportsEachOne()
    {
        QuoteResult result = QuoteExtractor.Extract("قال الوزير «نعم. وأضاف » ثم »");

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == QuoteDiagnostic.UnmatchedNotReported);
        Assert.Contains(result.Diagnostics, d => d.Code == QuoteDiagnostic.UnopenedQuote);
    }

    [Fact]
    public void Extract_OneEndlessSentenceOfQuotes_StillFindsItsSpeaker()
    {
        string text = string.Concat(Enumerable.Repeat("قال الوزير «سنواصل العمل مع الشركاء» ", 3_000));

        QuoteResult result = QuoteExtractor.Extract(text);

        Assert.NotEmpty(result.Quotes);
        Assert.All(result.Quotes, q => Assert.Equal("الوزير", q.Speaker));
    }

    [Fact]
    public void Extract_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        string text = string.Concat(Enumerable.Repeat("وقال الوزير إن الحكومة ستواصل العمل. ", 100));

        Assert.ThrowsAny<OperationCanceledException>(() => Engine.Analysis.AnalysisPool.Analyze(text, cts.Token, static (a, ct) => QuoteExtractor.Extract(a, ct)));
        using var analysis = new Engine.Analysis.TextAnalysis();
        analysis.Load(text);
        Assert.ThrowsAny<OperationCanceledException>(() => QuoteExtractor.Extract(analysis, cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => Summarizer.Summarize(analysis, null, cts.Token));
    }

    [Fact]
    public void Apply_CancelledEdit_LeavesTheSessionAsItWas()
    {
        string text = string.Concat(Enumerable.Repeat("وقال الوزير إن الحكومة ستواصل العمل. ", 50));
        using var session = DocumentSession.Open(text);
        DocumentResult before = session.Current;
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => session.Apply(1, [new TextChange(0, 5, "وأكد")], cancellationToken: cts.Token));

        Assert.Equal(1, session.Version);
        Assert.Same(before, session.Current);
        EditResult next = session.Apply(1, [new TextChange(0, 5, "وأكد")]);
        Assert.Equal(2, next.Version);
        Assert.Equal(text.Length - 1, next.Result.Source.Length);
    }
}
