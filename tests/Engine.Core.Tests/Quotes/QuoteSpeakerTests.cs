using Engine.Quotes;

namespace Engine.Tests.Quotes;

/// <summary>Speaker mentions and cues on real news sentences: noun-phrase boundaries, objects, agreement, threads.</summary>
public class QuoteSpeakerTests
{
    private static Quote Single(string text) => Assert.Single(QuoteExtractor.Extract(text).Quotes);

    public static TheoryData<string, string, string> StanceObjects() => new()
    {
        // text, speaker, content
        { "وأكدت قناة \"إن تي في\" التلفزيونية سقوط حوالي 10 قتلى وإصابة 20 آخرين، في حصيلة أولية.", "قناة \"إن تي في\" التلفزيونية", "سقوط حوالي 10 قتلى وإصابة 20 آخرين، في حصيلة أولية" },
        { "واعترف خلف الحربي بعجزه عن تصوير كل بشاعات داعش.", "خلف الحربي", "بعجزه عن تصوير كل بشاعات داعش" },
        { "وشدد التقرير على ضرورة البناء على الإنجازات السابقة.", "التقرير", "ضرورة البناء على الإنجازات السابقة" },
        { "وتوقع فالتمان انتعاش مستويات الطلب العالمي على النفط.", "فالتمان", "انتعاش مستويات الطلب العالمي على النفط" },
        { "وقللت واشنطن من احتمال أن تسفر الحملة الدبلوماسية الأخيرة عن سلام.", "واشنطن", "احتمال أن تسفر الحملة الدبلوماسية الأخيرة عن سلام" },
        { "هدد تنظيم أجناد مصر الإرهابي بتنفيذ عمليات ثأرا للعنصرين.", "تنظيم أجناد مصر الإرهابي", "بتنفيذ عمليات ثأرا للعنصرين" },
    };

    [Theory]
    [MemberData(nameof(StanceObjects))]
    public void Extract_StanceVerbWithNounObject_ReportsTheObject(string text, string speaker, string content)
    {
        Quote q = Single(text);

        Assert.Equal(speaker, q.Speaker);
        Assert.Equal(content, q.Content);
    }

    [Theory]
    [InlineData("وأشار إليه الوزير في كلمته أمام البرلمان.")]
    [InlineData("وتوزعت القوات بين الجانبين، أهمها قوات الشرطة.")]
    [InlineData("وأدان الوزير الهجمات.")]
    public void Extract_NoStatement_FindsNoQuote(string text) =>
        Assert.Empty(QuoteExtractor.Extract(text).Quotes);

    [Fact]
    public void Extract_FeminineCueWithoutSubject_ContinuesTheFeminineSource()
    {
        string text = "وتبنت الحركة الانفصالية الكردية الأربعاء قتل شرطيين في مدينة جيلان بينار. وقال مسؤول أمني إن التحقيق مستمر. وقالت إن هذه العملية هي رد على الهجوم.";
        QuoteResult result = QuoteExtractor.Extract(text);

        Quote last = result.Quotes[^1];
        Assert.Equal("هذه العملية هي رد على الهجوم", last.Content);
        Assert.Equal("الحركة الانفصالية الكردية", last.Speaker);
    }

    [Fact]
    public void Extract_SubordinateCue_TakesTheMainClauseSubject()
    {
        Quote q = Single("اختتم الرئيس الأميركي باراك أوباما زيارته إلى إثيوبيا أمس، بعدما أكد أن بلاده تقف بجانب أفريقيا.");

        Assert.Equal("الرئيس الأميركي باراك أوباما", q.Speaker);
        Assert.Equal("بلاده تقف بجانب أفريقيا", q.Content);
    }

    [Fact]
    public void Extract_AddresseeAfterTheVerb_IsNotTheSpeaker()
    {
        string text = "وقال المبعوث الأممي يوهانس فان در كلاوو إن القتال توقف. وقال لرويترز في مقابلة إن الغارات مستمرة.";
        Quote q = QuoteExtractor.Extract(text).Quotes[^1];

        Assert.Equal("الغارات مستمرة", q.Content);
        Assert.Contains("يوهانس فان در كلاوو", q.SpeakerCanonical, StringComparison.Ordinal);
        Assert.DoesNotContain("لرويترز", q.Speaker, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_OccasionAfterTheName_IsNotPartOfTheSpeaker()
    {
        Quote q = Single("وقال خالد بحاح في حوار مع قناة سكاي نيوز عربية إن الحكومة ستعود إلى عدن.");

        Assert.Equal("خالد بحاح", q.Speaker);
    }

    [Fact]
    public void Extract_UnclosedQuoteBeforeANewCue_EndsThereAndLetsTheCueReport()
    {
        string text = "وقال عضو في رئاسة الاتحاد ابوبكر علي إن «القوى الأربع وافقت على بقاء رئيس الإقليم وأضاف علي أن «موافقة الأطراف جاءت بعد نقاش طويل».";
        QuoteResult result = QuoteExtractor.Extract(text);

        Assert.Equal(2, result.Quotes.Count);
        Assert.StartsWith("وأضاف", result.Quotes[1].Cue, StringComparison.Ordinal);
        Assert.StartsWith("موافقة الأطراف", result.Quotes[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_StanceVerbAfterKama_ContinuesTheSourceWithItsObject()
    {
        QuoteResult result = QuoteExtractor.Extract("وقال مسؤول أمني تركي إن 20 شخصا أصيبوا في الانفجار، كما أكد سقوط بعض القتلى، لكنه لم يتمكن من تحديد العدد.");

        Quote q = Assert.Single(result.Quotes, q => q.Cue == "أكد");
        Assert.Equal("سقوط بعض القتلى", q.Content);
        Assert.Equal("مسؤول أمني تركي", q.Speaker);
    }

    [Fact]
    public void Extract_CueWithoutReport_NamesTheSourceOfItsParticiple()
    {
        Quote q = Single("كما أكد محمد علي جعفري قائد قوات الحرس الثوري قائلاً: «إننا ماضون في طريقنا».");

        Assert.Equal("قائلاً", q.Cue);
        Assert.Contains("محمد علي جعفري", q.Speaker, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_SubjectBeforeQad_SpeaksAndTheAddresseeIsContent()
    {
        Quote q = Single("وكان مسؤول في اقليم كردستان العراقي قد طالب تركيا بوقف غاراتها الجوية على المتمردين.");

        Assert.Equal("طالب", q.Cue);
        Assert.Contains("اقليم كردستان العراقي", q.Speaker, StringComparison.Ordinal);
        Assert.StartsWith("تركيا بوقف غاراتها", q.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_AccusativeAfterTheVerb_IsNoSpeaker()
    {
        string text = "وقال محمد محدثين رئيس لجنة الشؤون الخارجية إن النظام يصدر أزماته. وأورد رقماً يثير التوجس وهو أن طهران أنفقت المليارات.";
        Quote q = QuoteExtractor.Extract(text).Quotes[^1];

        Assert.Contains("محمد محدثين", q.SpeakerCanonical, StringComparison.Ordinal);
        Assert.DoesNotContain("رقماً", q.Speaker, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_VerbalNounWithItsClause_Reports()
    {
        Quote q = Single("وجاء ذلك بعد إعلان الحكومة أن الانتخابات ستجرى في موعدها.");

        Assert.Equal("الحكومة", q.Speaker);
        Assert.Equal("الانتخابات ستجرى في موعدها", q.Content);
    }
}
