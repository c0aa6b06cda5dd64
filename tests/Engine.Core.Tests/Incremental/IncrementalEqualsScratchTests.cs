using Engine.Text;
using Engine.Incremental;
using Engine.Quotes;
using Engine.Summarization;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Incremental;

/// <summary>
/// After every edit of a seeded random sequence, the session's result equals a fresh analysis of
/// the same text: tokens, sentences, summary selection, every score, quotes and speakers.
/// </summary>
public class IncrementalEqualsScratchTests
{
    private static readonly SummarizerOptions Options = new() { Explain = true, Budget = SummaryBudget.Ratio(0.3) };

    private static readonly string[] Snippets =
    [
        "كلمة", " ", "", ".", "،", "\n", "\n\n", "“", "”", "«", "»", "\"", " وقال الوزير إن ", " وأضاف “الوضع مستقر.” ",
        "2.5", "٢٫٥", "د. محمد", " بحسب مصادر مطلعة، ", "...", "؟", " https://spa.gov.sa ", "ـ", "َ", "الحكومة العراقية",
        "قال المتحدث باسم الوزارة جون كيربي إنّ “المهمة لم تتغير”.",
    ];

    private static TextChange RandomChange(Random random, int length)
    {
        int kind = random.Next(10);
        int start = random.Next(length + 1);
        int end = kind switch
        {
            < 4 => start,                                                     // insert
            < 7 => Math.Min(length, start + random.Next(1, 12)),              // small delete/replace, often inside a word
            < 9 => Math.Min(length, start + random.Next(12, 400)),            // across sentences and paragraphs
            _ => length,                                                       // to the end
        };
        if (random.Next(40) == 0)
        {
            (start, end) = (0, length);                                        // whole-document replace (or emptying)
        }

        string text = kind is >= 4 and < 7 && random.Next(2) == 0 ? "" : Snippets[random.Next(Snippets.Length)];
        return new TextChange(start, end, text);
    }

    private static void AssertSameAsFresh(DocumentSession session, string because, SummarizerOptions? options = null)
    {
        string text = session.Current.Text;
        Assert.Equal(text, session.Source.ToString());
        Assert.Equal(Lex.Tokens(text), session.Tokens);
        Summary fresh = Summarizer.Summarize(text, options ?? Options);
        Summary incremental = session.Current.Summary;
        Assert.True(fresh.Sentences.Select(s => (s.Index, s.Start, s.End)).SequenceEqual(incremental.Sentences.Select(s => (s.Index, s.Start, s.End))), because);
        Assert.Equal(fresh.AllSentences.Count, incremental.AllSentences.Count);
        for (int i = 0; i < fresh.AllSentences.Count; i++)
        {
            Assert.Equal(fresh.AllSentences[i].Score, incremental.AllSentences[i].Score, 1e-9);
            Assert.Equal(fresh.AllSentences[i].Features, incremental.AllSentences[i].Features); // computed the same way: equal to the bit
        }

        Assert.Equal(fresh.SummaryWords, incremental.SummaryWords);
        Assert.Equal(fresh.DocumentWords, incremental.DocumentWords);

        QuoteResult quotes = QuoteExtractor.Extract(text);
        Assert.Equal(quotes.Quotes, session.Current.Quotes.Quotes);
        Assert.Equal(quotes.Quotes.Count, session.Current.Quotes.Quotes.Count);
        for (int i = 0; i < quotes.Quotes.Count; i++)
        {
            Assert.Equal(quotes.Quotes[i], session.Current.Quotes.Quotes[i]); // by index as well as in order
        }

        Assert.Equal(quotes.Diagnostics, session.Current.Quotes.Diagnostics);
        Assert.Equal(Lex.Sentences(text).Length, session.Current.SentenceCount);
        for (int slot = 0; slot < session.Analyses.Count; slot++)
        {
            SectionAnalysis analysis = session.Analyses[slot]!;
            Assert.True(analysis.Describe(analysis.FromScratch(text)) == analysis.Describe(session.Current.Result(slot)!), $"{analysis.Name}: {because}");
        }
    }

    public static TheoryData<string, int> Documents()
    {
        var data = new TheoryData<string, int> { { "seed", 1 }, { "seed", 2 }, { "empty", 3 } };
        foreach (var (id, _) in TestData.NewsArticles().Where((_, i) => i % 16 == 0))
        {
            data.Add(id, 4);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void RandomEdits_AfterEveryEdit_EqualAFreshAnalysis(string document, int seed)
    {
        string text = document switch
        {
            "seed" => TestData.Seed,
            "empty" => "",
            _ => TestData.NewsArticles().Single(a => a.Id == document).Text,
        };
        var random = new Random(seed * 7919 + document.Length);
        using var session = DocumentSession.Open(text, Options);
        AssertSameAsFresh(session, "opened");
        for (int step = 0; step < 40; step++)
        {
            var changes = new List<TextChange> { RandomChange(random, session.Source.Length) };
            if (random.Next(4) == 0 && changes[0].End + 2 < session.Source.Length)
            {
                int s = random.Next(changes[0].End + 1, session.Source.Length + 1);
                changes.Add(new TextChange(s, Math.Min(session.Source.Length, s + random.Next(0, 6)), Snippets[random.Next(Snippets.Length)]));
            }

            EditResult result = session.Apply(session.Version, changes);
            AssertSameAsFresh(session, $"step {step}: {string.Join(", ", changes)}");
            Assert.Equal(result.Result.SentenceCount, result.Stats.SentencesAnalyzed + result.Stats.SentencesReused);
        }
    }

    [Fact]
    public void SessionOfTheSummaryAlone_NeverHoldsQuotes_AndSummarizesAsAFullSession()
    {
        string text = LongText(3);
        using var full = DocumentSession.Open(text, Options);
        using var summaryOnly = DocumentSession.Open(text, Options, DocumentParts.Summary);
        var random = new Random(17);
        for (int step = 0; step < 15; step++)
        {
            TextChange change = RandomChange(random, full.Source.Length);
            full.Apply(full.Version, [change]);
            EditResult result = summaryOnly.Apply(summaryOnly.Version, [change]);

            Assert.False(result.Result.Has(DocumentParts.Quotes));
            Assert.False(result.Result.Has(DocumentParts.Keyphrases));
            Assert.Equal(0, result.Stats.QuotesAdded + result.Stats.QuotesRemoved);
            Assert.Equal(full.Current.Summary.Sentences.Select(s => (s.Start, s.End, s.Score)), result.Result.Summary.Sentences.Select(s => (s.Start, s.End, s.Score)));
        }

        Assert.Null(summaryOnly.Analyses[DocumentResult.QuotesSlot]);
    }

    [Fact]
    public void OneWordEdit_In500Sentences_ReanalysesAtMostThreeSentences()
    {
        string text = string.Join("\n", TestData.NewsArticles().Select(a => a.Text));
        using var session = DocumentSession.Open(text, Options);
        Assert.True(session.Current.SentenceCount >= 500, $"{session.Current.SentenceCount} sentences");

        int at = text.IndexOf(" الحكومة ", text.Length / 2, StringComparison.Ordinal) + 1;
        EditResult result = session.Apply(1, [new TextChange(at, at + "الحكومة".Length, "السلطة")]);

        Assert.InRange(result.Stats.SentencesAnalyzed, 1, 3);
        Assert.Equal(result.Result.SentenceCount - result.Stats.SentencesAnalyzed, result.Stats.SentencesReused);
        AssertSameAsFresh(session, "one-word edit");
    }

    /// <summary>A text of several sections: news articles one after another.</summary>
    private static string LongText(int articles, int skip = 0) =>
        string.Join("\n", TestData.NewsArticles().Skip(skip).Take(articles).Select(a => a.Text));

    public static TheoryData<int, string> LongTextCases() => new()
    {
        { 1, "engine" }, { 2, "engine" }, { 3, "sentences" }, { 4, "textrank" }, { 5, "title-and-strict-duplicates" }, { 6, "words" },
    };

    private static SummarizerOptions LongTextOptions(string name) => name switch
    {
        "sentences" => Options with { Budget = SummaryBudget.Sentences(12) },
        "textrank" => Options with { Algorithm = SummaryAlgorithm.TextRank },
        "title-and-strict-duplicates" => Options with { Title = "الحكومة تعلن خطة جديدة", Weights = FeatureWeights.Default with { DuplicateThreshold = 0.3 } },
        "words" => Options with { Budget = SummaryBudget.Words(400) },
        _ => Options,
    };

    [Theory]
    [Trait("Category", "Corpus")]
    [MemberData(nameof(LongTextCases))]
    public void RandomEdits_InALongText_EqualAFreshAnalysis_AcrossSectionBoundaries(int seed, string optionsName)
    {
        SummarizerOptions options = LongTextOptions(optionsName);
        string text = LongText(24, skip: seed * 3);
        var random = new Random(seed);
        using var session = DocumentSession.Open(text, options);
        Assert.InRange(session.SectionCount, 3, 8);
        AssertSameAsFresh(session, "opened", options);
        string[] articles = TestData.NewsArticles().Select(a => a.Text).ToArray();
        for (int step = 0; step < 30; step++)
        {
            string current = session.Source.ToString();
            int length = current.Length;

            // Aim half the edits at a line break, where sections begin and end.
            int at = random.Next(length + 1);
            if (random.Next(2) == 0)
            {
                int newline = current.IndexOf('\n', at);
                at = newline < 0 ? at : newline + random.Next(-1, 2);
                at = Math.Clamp(at, 0, length);
            }

            TextChange change = random.Next(8) switch
            {
                0 => TextChange.Insert(at, "\n" + articles[random.Next(articles.Length)] + "\n"),   // a new section's worth of text
                1 => new TextChange(at, Math.Min(length, at + random.Next(2_000, 20_000)), ""),          // across a boundary
                2 => new TextChange(at, Math.Min(length, at + 1), ""),                                   // a line break or a stop gone
                3 => TextChange.Insert(at, random.Next(2) == 0 ? ".\n" : "\n"),
                _ => RandomChange(random, length) with { End = Math.Min(length, at + random.Next(0, 12)), Start = at },
            };
            if (change.End < change.Start)
            {
                change = change with { End = change.Start };
            }

            EditResult result = session.Apply(session.Version, [change]);
            AssertSameAsFresh(session, $"step {step}: {change}", options);
            Assert.Equal(session.SectionCount, result.Stats.SectionsReused + result.Stats.SectionsAnalyzed);
            Assert.Equal(result.Result.SentenceCount, result.Stats.SentencesAnalyzed + result.Stats.SentencesReused);
        }
    }

    [Fact]
    public void OneWordEdit_InALongText_ReanalysesOneSectionAndReusesTheOthers()
    {
        string text = LongText(80);
        using var session = DocumentSession.Open(text, Options);
        Assert.True(session.SectionCount >= 10, $"{session.SectionCount} sections");

        int at = text.IndexOf(" الحكومة ", text.Length / 2, StringComparison.Ordinal) + 1;
        EditResult result = session.Apply(1, [new TextChange(at, at + "الحكومة".Length, "السلطة")]);

        Assert.Equal(1, result.Stats.SectionsAnalyzed);
        Assert.Equal(session.SectionCount - 1, result.Stats.SectionsReused);
        Assert.InRange(result.Stats.SentencesAnalyzed, 1, 3);
        AssertSameAsFresh(session, "one-word edit");
    }

    [Fact]
    public void RejectedEdit_LeavesTheSessionExactlyAsItWas()
    {
        using var session = DocumentSession.Open(TestData.Seed, Options);
        DocumentResult before = session.Current;

        Assert.Throws<EngineException>(() => session.Apply(1, [new TextChange(10, 5, "x")]));
        Assert.Throws<EngineException>(() => session.Apply(7, [new TextChange(0, 0, "x")]));
        Assert.Throws<InvalidOperationException>(() => session.Apply(1, [new TextChange(0, 0, "x")], _ => throw new InvalidOperationException("too big")));

        Assert.Equal(1, session.Version);
        Assert.Same(before, session.Current);
        EditResult ok = session.Apply(1, [new TextChange(0, 0, "عاجل: ")]);
        Assert.Equal(2, ok.Version);
        AssertSameAsFresh(session, "after rejections");
    }

    [Theory]
    [InlineData("بلغ العدد 2. ثم تراجع.", "بلغ العدد 2.", "5")]        // a digit after the point joins the number before it
    [InlineData("بلغ العدد 2 ثم تراجع.", "بلغ العدد 2", ",500")]      // a separator and digits join it too
    [InlineData("انتهى.\n  \nوبدأ غيره.", "انتهى.\n ", "\n")]       // a line break inside the blank line's spaces
    [InlineData("راجع http://spa.gov.sa ثم عاد.", "راجع http://spa.gov.sa", "/x")]
    [InlineData("راسلوا news@spa.gov ثم انتظروا.", "راسلوا news@spa.gov", ".sa")]
    [InlineData("وانتظر.. ثم جاء.", "وانتظر..", ".")]
    [InlineData("الحكومة\u200C الجديدة.", "الحكومة", "ـ")]
    public void EditAtTheEdgeOfATokenThatLooksAhead_RelexesTheTokenBefore(string text, string prefix, string insert)
    {
        using var session = DocumentSession.Open(text, Options);
        session.Apply(1, [TextChange.Insert(prefix.Length, insert)]);

        AssertSameAsFresh(session, $"insert {insert} after {prefix}");
    }
}
