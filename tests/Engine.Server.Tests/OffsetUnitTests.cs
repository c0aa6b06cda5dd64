using Engine.Grpc.V1;
using Engine.Text;
using CoreUnit = Engine.Text.OffsetUnit;
using OffsetUnit = Engine.Grpc.V1.OffsetUnit;

namespace Engine.Server.Tests;

[Collection(ServerCollection.Name)]
public class OffsetUnitTests(ServerFixture server)
{
    // Arabic with harakat, an emoji (a surrogate pair, 4 UTF-8 bytes) and a Latin combining mark.
    private const string Text = """
        قمة المناخ 🌍 تبدأ اليوم في باريس.
        وقال الأمين العام للأمم المتحدة أنطونيو غوتيريش إنّ “العالم يحترق 🔥 ولا وقت للانتظار”. وأضاف أن الدول الفقيرة تدفع الثمن الأكبر، مشيرا إلى أن التمويل ضروري للغاية. وقالت الوزيرة الفرنسية Agne\u0300s إن بلادها ستقدّم دعما إضافيا للدول النامية هذا العام.
        """;

    [Theory]
    [InlineData(OffsetUnit.Unspecified, CoreUnit.Utf16)]
    [InlineData(OffsetUnit.Utf16, CoreUnit.Utf16)]
    [InlineData(OffsetUnit.CodePoint, CoreUnit.CodePoint)]
    [InlineData(OffsetUnit.Utf8, CoreUnit.Utf8)]
    public async Task EveryOffset_SlicesTheRequestTextToTheReturnedText(OffsetUnit unit, CoreUnit core)
    {
        SummarizeResponse response = await server.Summarizer.SummarizeAsync(new SummarizeRequest { Text = Text, OffsetUnit = unit, Ratio = 1, Explain = true });

        Assert.NotEmpty(response.Quotes);
        Assert.All(response.AllSentences, s => Assert.Equal(s.Text, OffsetMap.Slice(Text, s.Start, s.End, core)));
        foreach (Engine.Grpc.V1.Quote q in response.Quotes)
        {
            Assert.Equal(q.Content, OffsetMap.Slice(Text, q.ContentStart, q.ContentEnd, core));
            Assert.Equal(q.Cue, OffsetMap.Slice(Text, q.CueStart, q.CueEnd, core));
            if (q.SpeakerStart >= 0)
            {
                Assert.Equal(q.Speaker, OffsetMap.Slice(Text, q.SpeakerStart, q.SpeakerEnd, core));
            }
        }

        TokenizeResponse tokens = await server.Summarizer.TokenizeAsync(new TokenizeRequest { Text = Text, OffsetUnit = unit });
        Assert.All(tokens.Tokens, t => Assert.Equal(t.Text, OffsetMap.Slice(Text, t.Start, t.End, core)));
        Assert.Contains(tokens.Tokens, t => t.Text == "🌍");
    }

    [Fact]
    public async Task Utf8AndCodePointOffsets_DifferFromUtf16AfterTheEmoji()
    {
        TokenizeResponse utf16 = await server.Summarizer.TokenizeAsync(new TokenizeRequest { Text = Text });
        TokenizeResponse points = await server.Summarizer.TokenizeAsync(new TokenizeRequest { Text = Text, OffsetUnit = OffsetUnit.CodePoint });
        TokenizeResponse bytes = await server.Summarizer.TokenizeAsync(new TokenizeRequest { Text = Text, OffsetUnit = OffsetUnit.Utf8 });
        int last = utf16.Tokens.Count - 1;

        Assert.Equal(utf16.Tokens[last].End - 2, points.Tokens[last].End); // two emoji, one code point each
        Assert.True(bytes.Tokens[last].End > utf16.Tokens[last].End);      // Arabic letters take two bytes
    }
}
