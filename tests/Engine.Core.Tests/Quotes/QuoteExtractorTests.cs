using Engine.Quotes;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Quotes;

public class QuoteExtractorTests
{
    private static Quote Single(string text)
    {
        QuoteResult result = QuoteExtractor.Extract(text);
        return Assert.Single(result.Quotes);
    }

    [Fact]
    public void Extract_Seed_FindsAllThirteenQuotesWithTheirSpeakers()
    {
        string seed = TestData.Seed;
        QuoteResult result = QuoteExtractor.Extract(seed);
        var gold = TestData.ReadJsonLines(Path.Combine(TestData.Shared, "eval", "quotes-seed.jsonl")).Single().GetProperty("quotes").EnumerateArray().ToList();

        Assert.Equal(13, result.Quotes.Count);
        for (int i = 0; i < gold.Count; i++)
        {
            Quote q = result.Quotes[i];
            Assert.Equal(gold[i].GetProperty("kind").GetString(), q.Kind.ToString().ToLowerInvariant());
            Assert.Equal(gold[i].GetProperty("cue").GetString(), q.Cue);
            Assert.Equal(gold[i].GetProperty("speaker_canonical").GetString(), q.SpeakerCanonical);
            Assert.Contains(gold[i].GetProperty("speaker").GetString()!, new[] { q.Speaker, q.SpeakerCanonical });
        }
    }

    [Fact]
    public void Extract_Seed_SpansSliceToTheReturnedText()
    {
        string seed = TestData.Seed;
        foreach (Quote q in QuoteExtractor.Extract(seed).Quotes)
        {
            Assert.Equal(q.Content, q.ContentSpan.Of(seed));
            Assert.Equal(q.Cue, q.CueSpan.Of(seed));
            Assert.Equal(q.Speaker, q.SpeakerSpan.Of(seed));
        }
    }

    [Fact]
    public void Extract_Seed_ResolvesJeanPsakiInTheSvoClause()
    {
        Quote q = QuoteExtractor.Extract(TestData.Seed).Quotes[^1];

        Assert.Equal(QuoteKind.Mixed, q.Kind);
        Assert.Equal("المتحدّثة باسم البيت الأبيض جين ساكي", q.Speaker);
        Assert.Equal("جين ساكي", q.SpeakerName);
    }

    [Theory]
    [InlineData("وقال الوزير: “لن نتراجع عن قرارنا أبدا”.", "“")]
    [InlineData("وقال الوزير: «لن نتراجع عن قرارنا أبدا».", "«")]
    [InlineData("وقال الوزير: \"لن نتراجع عن قرارنا أبدا\".", "\"")]
    [InlineData("وقال الوزير: ‘لن نتراجع عن قرارنا أبدا’.", "‘")]
    public void Extract_DirectQuoteInAnyMarks_HasTheWordsBetweenTheMarks(string text, string mark)
    {
        Quote q = Single(text);

        Assert.Equal(QuoteKind.Direct, q.Kind);
        Assert.Equal("لن نتراجع عن قرارنا أبدا", q.Content);
        Assert.Equal("الوزير", q.Speaker);
        Assert.StartsWith(mark, text[(q.ContentSpan.Start - 1)..], StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_DirectQuoteAfterInna_IsDirect()
    {
        Quote q = Single("وقال مسؤول دفاعي أميركي كبير إنّ “الحكومة العراقية دعتنا إلى هناك”.");

        Assert.Equal(QuoteKind.Direct, q.Kind);
        Assert.Equal("مسؤول دفاعي أميركي كبير", q.Speaker);
        Assert.Equal("الحكومة العراقية دعتنا إلى هناك", q.Content);
    }

    [Fact]
    public void Extract_QuoteSpanningSentences_IsOneQuote()
    {
        Quote q = Single("وقال أوباما «التغيير المناخي ليس مشكلة جيل آخر. لم يعد كذلك».");

        Assert.Equal(QuoteKind.Direct, q.Kind);
        Assert.Equal("التغيير المناخي ليس مشكلة جيل آخر. لم يعد كذلك", q.Content);
    }

    [Theory]
    [InlineData("وأكد وزير الخارجية فؤاد حسين أن العراق بحاجة إلى المساعدة.", "وأكد")]
    [InlineData("وأوضح وزير الخارجية فؤاد حسين أن العراق بحاجة إلى المساعدة.", "وأوضح")]
    [InlineData("وأشار وزير الخارجية فؤاد حسين إلى أن العراق بحاجة إلى المساعدة.", "وأشار إلى")]
    [InlineData("وشدّد وزير الخارجية فؤاد حسين على أن العراق بحاجة إلى المساعدة.", "وشدّد على")]
    [InlineData("وتقول وزيرة الخارجية فؤادة حسين إن العراق بحاجة إلى المساعدة.", "وتقول")]
    [InlineData("فقال وزير الخارجية فؤاد حسين إن العراق بحاجة إلى المساعدة.", "فقال")]
    public void Extract_ReportedSpeechVerbs_AreIndirectWithTheirSubject(string text, string cue)
    {
        Quote q = Single(text);

        Assert.Equal(QuoteKind.Indirect, q.Kind);
        Assert.Equal("العراق بحاجة إلى المساعدة", q.Content);
        Assert.Equal(cue.Split(' ')[0], q.Cue.Split(' ')[0]);
        Assert.EndsWith("حسين", q.Speaker, StringComparison.Ordinal);
        Assert.Equal(q.Speaker.StartsWith("وزيرة", StringComparison.Ordinal) ? "فؤادة حسين" : "فؤاد حسين", q.SpeakerName);
    }

    [Fact]
    public void Extract_NegatedVerb_IsNoQuote()
    {
        Assert.Empty(QuoteExtractor.Extract("ولم يذكر التقرير أن الهجوم أوقع ضحايا.").Quotes);
    }

    [Fact]
    public void Extract_UnsourcedStatement_IsNoQuote()
    {
        Assert.Empty(QuoteExtractor.Extract("ومن المتوقع أن تعلن الحكومة قرارها الأسبوع المقبل.").Quotes);
    }

    [Fact]
    public void Extract_MarksAroundANameOrTerm_AreNoQuote()
    {
        Assert.Empty(QuoteExtractor.Extract("وشن تنظيم «داعش» هجوما على مواقع عملية «عاصفة الحزم» في المنطقة.").Quotes);
    }

    [Fact]
    public void Extract_ContinuationCue_TakesTheLastSpeaker()
    {
        var quotes = QuoteExtractor.Extract("وقال وزير الدفاع الأميركي لويد أوستن إن القوات ستبقى. وأضاف أن المهمة تغيرت.").Quotes;

        Assert.Equal(2, quotes.Count);
        Assert.Equal("وأضاف", quotes[1].Cue);
        Assert.Equal("وزير الدفاع الأميركي لويد أوستن", quotes[1].Speaker);
        Assert.Equal("لويد أوستن", quotes[1].SpeakerName);
    }

    [Fact]
    public void Extract_Surname_ResolvesToTheFullestMention()
    {
        string text = "وانضم وزير الدفاع الأميركي لويد أوستن إلى المحادثات. وشدّد أوستن على “ضرورة مساعدة الجيش العراقي بأمان تام”.";
        Quote q = Single(text);

        Assert.Equal("أوستن", q.Speaker);
        Assert.Equal("وزير الدفاع الأميركي لويد أوستن", q.SpeakerCanonical);
        Assert.Equal("شدّد", q.Cue[1..]);
    }

    [Fact]
    public void Extract_ParticipleCue_OpensANewQuoteForTheSameSpeaker()
    {
        var quotes = QuoteExtractor.Extract("وقال المتحدث باسم الوزارة إن الهجوم فشل، مضيفا أن القوات استعادت السيطرة على المدينة.").Quotes;

        Assert.Equal(2, quotes.Count);
        Assert.Equal("الهجوم فشل", quotes[0].Content);
        Assert.Equal("مضيفا", quotes[1].Cue);
        Assert.Equal("المتحدث باسم الوزارة", quotes[1].Speaker);
    }

    [Theory]
    [InlineData("وبحسب مصادر أمنية، فإن الهجوم أسفر عن مقتل عشرة أشخاص.", "مصادر أمنية")]
    [InlineData("ووفقا لـ وزارة الصحة فإن الهجوم أسفر عن مقتل عشرة أشخاص.", "وزارة الصحة")]
    [InlineData("وأسفر الهجوم عن مقتل عشرة أشخاص، حسب ما قال مسؤول محلي.", "مسؤول محلي")]
    [InlineData("وأسفر الهجوم عن مقتل عشرة أشخاص، نقلا عن مصادر طبية.", "مصادر طبية")]
    [InlineData("وأسفر الهجوم عن مقتل عشرة أشخاص على لسان مسؤول محلي.", "مسؤول محلي")]
    public void Extract_AttributionPhrase_AttributesTheClause(string text, string speaker)
    {
        Quote q = Single(text);

        Assert.Equal(QuoteKind.Indirect, q.Kind);
        Assert.Equal(speaker, q.Speaker);
        Assert.Contains("مقتل عشرة أشخاص", q.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("سجل عدد الضحايا رقما قياسيا جديدا، على ما أعلنت الأمم المتحدة أمس، فيما تمزق الحركة خلافات داخلية حول زعامتها.", "الأمم المتحدة", "سجل عدد الضحايا رقما قياسيا جديدا")]
    [InlineData("ارتفعت الأسعار بشدة، بحسب التجار في السوق، بينما تراجع الطلب على السلع المستوردة.", "التجار في السوق", "ارتفعت الأسعار بشدة")]
    public void Extract_AttributionPhraseFollowedByAnotherClause_EndsTheContentBeforeIt(string text, string speaker, string content)
    {
        Quote q = Single(text);

        Assert.Equal(speaker, q.Speaker);
        Assert.Equal(content, q.Content);
    }

    [Fact]
    public void Extract_QuoteThenVerb_TakesTheSpeakerAfterTheVerb()
    {
        Quote q = Single("«سنواصل العمل حتى تحقيق أهدافنا كاملة»، قال رئيس الحكومة في مؤتمر صحفي.");

        Assert.Equal(QuoteKind.Direct, q.Kind);
        Assert.Equal("رئيس الحكومة", q.Speaker);
        Assert.Equal("سنواصل العمل حتى تحقيق أهدافنا كاملة", q.Content);
    }

    [Fact]
    public void Extract_MixedQuote_KeepsTheWholeClause()
    {
        Quote q = Single("وقالت المتحدثة إن الحكومة “راغبة في مواصلة تدريب الجيش” خلال العام المقبل.");

        Assert.Equal(QuoteKind.Mixed, q.Kind);
        Assert.StartsWith("الحكومة “راغبة", q.Content, StringComparison.Ordinal);
        Assert.EndsWith("العام المقبل", q.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_RelativeClauseCue_TakesTheAntecedent()
    {
        Quote q = Single("وعبرت عنه الحكومة على لسان وزير الخارجية فؤاد حسين، الذي قال الجمعة إنّ بلاده بحاجة إلى المساعدة.");

        Assert.Equal("وزير الخارجية فؤاد حسين", q.Speaker);
        Assert.Equal("بلاده بحاجة إلى المساعدة", q.Content);
    }

    [Fact]
    public void Extract_UnclosedQuote_IsDiagnosedWithItsSpan()
    {
        string text = "وصل الوزير إلى بغداد أمس. وقال الوزير: «لن نتراجع عن قرارنا\nوفي سياق آخر ارتفعت الأسعار.";
        QuoteResult result = QuoteExtractor.Extract(text);

        QuoteDiagnostic d = Assert.Single(result.Diagnostics, d => d.Code == QuoteDiagnostic.UnclosedQuote);
        Assert.Equal("«", d.Span.Of(text));
        Assert.Equal("لن نتراجع عن قرارنا", Assert.Single(result.Quotes).Content);
    }

    [Fact]
    public void Extract_ContinuationWithNoSpeakerBefore_IsDiagnosed()
    {
        QuoteResult result = QuoteExtractor.Extract("وأضاف أن المفاوضات ستستأنف الأسبوع المقبل.");

        Assert.Equal("", Assert.Single(result.Quotes).Speaker);
        Assert.Contains(result.Diagnostics, d => d.Code == QuoteDiagnostic.NoSpeaker);
    }

    [Fact]
    public void Extract_AddresseeBeforeTheSubject_IsNotTheSpeaker()
    {
        Quote q = Single("أكد لـ\"الرياض\" رئيس مركز الخليج للأبحاث الدكتور عبدالعزيز بن صقر، أن هناك قصورا في الجهد الدولي.");

        Assert.Equal("رئيس مركز الخليج للأبحاث الدكتور عبدالعزيز بن صقر", q.Speaker);
        Assert.Equal("هناك قصورا في الجهد الدولي", q.Content);
    }

    [Fact]
    public void Extract_NewClauseAfterAComma_EndsTheReportedMaterialAndOpensItsOwnQuote()
    {
        var quotes = QuoteExtractor.Extract("وقال شهود في البلدة إن أكثر من 20 قتيلا سقطوا في الانفجار، في حين أكد مسؤول أمني أن عشرين شخصا أصيبوا.").Quotes;

        Assert.Equal(2, quotes.Count);
        Assert.Equal("أكثر من 20 قتيلا سقطوا في الانفجار", quotes[0].Content);
        Assert.Equal("شهود في البلدة", quotes[0].Speaker);
        Assert.Equal("مسؤول أمني", quotes[1].Speaker);
    }

    [Fact]
    public void Extract_PronounCueAfterANamedSubject_TakesThatSource()
    {
        string text = "وقال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن الاتفاق سيئ. وقد واصل وزير الدفاع الأميركي آشتون كارتر محاولاته، فقال إن سياسة واشنطن لم تتغير.";
        var quotes = QuoteExtractor.Extract(text).Quotes;

        Assert.Equal(2, quotes.Count);
        Assert.Equal("وزير الدفاع الأميركي آشتون كارتر", quotes[1].SpeakerCanonical);
    }

    [Theory]
    [InlineData("وأشار مدير عام الصحة إلى ارتفاع أعداد الضحايا في المدينة.", "مدير عام الصحة", "ارتفاع أعداد الضحايا في المدينة")]
    [InlineData("ودعا وزير الخارجية إلى وقف فوري لإطلاق النار في المنطقة.", "وزير الخارجية", "وقف فوري لإطلاق النار في المنطقة")]
    [InlineData("وأعلنت حركة طالبان مسؤوليتها عن الهجوم على مركز الشرطة.", "حركة طالبان", "مسؤوليتها عن الهجوم على مركز الشرطة")]
    public void Extract_StanceVerbWithAnObject_ReportsTheObject(string text, string speaker, string content)
    {
        Quote q = Single(text);

        Assert.Equal(QuoteKind.Indirect, q.Kind);
        Assert.Equal(speaker, q.Speaker);
        Assert.EndsWith(content, q.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("وأسفر الهجوم عن مقتل عشرة أشخاص، طبقا لـ مصادر طبية.", "طبقا لـ", "مصادر طبية")]
    [InlineData("وجاء في البيان أن الهجوم أسفر عن مقتل عشرة أشخاص.", "وجاء في", "البيان")]
    [InlineData("وأفاد مصدر أمني بأن الهجوم أسفر عن مقتل عشرة أشخاص.", "وأفاد", "مصدر أمني")]
    public void Extract_MoreAttributionForms_FindTheSource(string text, string cue, string speaker)
    {
        Quote q = Single(text);

        Assert.Equal(cue, q.Cue);
        Assert.Equal(speaker, q.Speaker);
        Assert.Contains("مقتل عشرة أشخاص", q.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_NestedMarks_AreOneQuoteWithTheInnerMarksInside()
    {
        Quote q = Single("وقال الوزير: «إن الحكومة وصفت الاتفاق بأنه “تاريخي” ولن تتراجع عنه».");

        Assert.Equal(QuoteKind.Direct, q.Kind);
        Assert.Equal("إن الحكومة وصفت الاتفاق بأنه “تاريخي” ولن تتراجع عنه", q.Content);
        Assert.Equal("الوزير", q.Speaker);
    }
}
