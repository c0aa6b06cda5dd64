using Engine.Text;
using Engine.Incremental;
using Engine.Quotes;
using Engine.Summarization;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Incremental;

public class EditStatsTests
{
    [Fact]
    public void TrailingWhiteSpace_ChangesNoSummarySentenceAndNoQuote()
    {
        using var session = DocumentSession.Open(TestData.Seed);
        EditResult result = session.Apply(1, [TextChange.Insert(TestData.Seed.Length, "  ")]);

        Assert.Equal((0, 0, 0, 0), (result.Stats.SummarySentencesAdded, result.Stats.SummarySentencesRemoved, result.Stats.QuotesAdded, result.Stats.QuotesRemoved));
    }

    [Fact]
    public void AWordChangedInsideADirectQuote_ReplacesThatQuote()
    {
        using var session = DocumentSession.Open(TestData.Seed);
        Quote quote = session.Current.Quotes.Quotes.First(q => q.Kind == QuoteKind.Direct && q.Content.Length > 20);
        int at = quote.ContentSpan.Start + quote.Content.IndexOf(' ', StringComparison.Ordinal) + 1;

        EditResult result = session.Apply(1, [TextChange.Insert(at, "فعلا ")]);

        Assert.Equal((1, 1), (result.Stats.QuotesAdded, result.Stats.QuotesRemoved));
        Assert.Contains(result.Result.Quotes.Quotes, q => q.Content.Contains("فعلا", StringComparison.Ordinal));
    }

    [Fact]
    public void AWordChangedInASummarySentence_CountsItOutAndTheNewTextIn()
    {
        using var session = DocumentSession.Open(TestData.Seed);
        Summary before = session.Current.Summary;
        int at = session.Current.Text.IndexOf(' ', before.Sentences[0].Start) + 1;

        EditResult result = session.Apply(1, [TextChange.Insert(at, "اليوم ")]);

        Summary after = result.Result.Summary;
        Assert.Contains(after.SentenceTexts, s => s.Contains("اليوم", StringComparison.Ordinal)); // still chosen, with its new text
        Assert.InRange(result.Stats.SummarySentencesRemoved, 1, before.Sentences.Count);
        Assert.InRange(result.Stats.SummarySentencesAdded, 1, after.Sentences.Count);
        Assert.Equal(after.Sentences.Count - before.Sentences.Count, result.Stats.SummarySentencesAdded - result.Stats.SummarySentencesRemoved);
        int unchanged = before.SentenceTexts.Intersect(after.SentenceTexts).Count();
        Assert.Equal(before.Sentences.Count - unchanged, result.Stats.SummarySentencesRemoved);
    }
}
