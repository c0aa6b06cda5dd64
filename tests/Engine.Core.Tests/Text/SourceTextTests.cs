using CsCheck;
using Engine.Text;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Text;

public class SourceTextTests
{
    private static string Apply(string text, IEnumerable<TextChange> changes)
    {
        var sb = new System.Text.StringBuilder();
        int at = 0;
        foreach (var c in changes.OrderBy(c => c.Start))
        {
            sb.Append(text, at, c.Start - at).Append(c.NewText);
            at = c.End;
        }

        return sb.Append(text, at, text.Length - at).ToString();
    }

    [Fact]
    public void WithChanges_RandomNonOverlappingEdits_EqualsApplyingThemToTheString()
    {
        string corpus = string.Concat(TestData.NewsArticles().Take(6).Select(a => a.Text));
        var gen = Gen.Int[0, 5].SelectMany(count => Gen.Int[0, corpus.Length].Array[count * 2].Select(Gen.String[Gen.Char['\u0621', '\u064A'], 0, 9000].Array[count], (points, texts) => (points, texts)));
        gen.Sample(sample =>
        {
            int[] points = [.. sample.points.Order()];
            var changes = new List<TextChange>();
            for (int i = 0; i + 1 < points.Length; i += 2)
            {
                changes.Add(new TextChange(points[i], points[i + 1], sample.texts[i / 2]));
            }

            SourceText source = SourceText.From(corpus);
            SourceText edited = source.WithChanges(changes);

            Assert.Equal(Apply(corpus, changes), edited.ToString());
            Assert.All(edited.Chunks, c => Assert.InRange(c.Length, 1, SourceText.ChunkSize));
        }, iter: 200);
    }

    [Fact]
    public void ReadingAVersionFromItsChunks_EqualsReadingItsString()
    {
        string corpus = string.Join("\n", TestData.NewsArticles().Take(12).Select(a => a.Text));
        var random = new Random(5);
        SourceText source = SourceText.From(corpus);
        for (int step = 0; step < 60; step++)
        {
            int at = random.Next(source.Length + 1);
            source = source.WithChanges([new TextChange(at, Math.Min(source.Length, at + random.Next(0, 300)), random.Next(3) == 0 ? "\nسطر." : "")]);
            string text = string.Concat(source.Chunks); // the string, built apart from the reads below
            int start = random.Next(text.Length + 1);
            int length = random.Next(text.Length - start + 1);

            Assert.Equal(text.Substring(start, length), source.Substring(start, length));
            Assert.Equal(text.IndexOf('\n', start), source.IndexOf('\n', start));
            if (start < text.Length)
            {
                Assert.Equal(text[start], source[start]);
            }

            Assert.Equal(Engine.Text.TextSections.End(text, 0), Engine.Text.TextSections.End(source, 0));
        }
    }

    [Fact]
    public void WithChanges_OneWordEdit_SharesEveryUntouchedChunk()
    {
        string corpus = string.Concat(TestData.NewsArticles().Select(a => a.Text));
        SourceText source = SourceText.From(corpus);
        int at = corpus.Length / 2;
        SourceText edited = source.WithChanges([new TextChange(at, at + 3, "كلمة")]);

        int shared = edited.Chunks.Count(c => source.Chunks.Any(o => ReferenceEquals(o, c)));
        Assert.True(shared >= source.Chunks.Count - 2, $"{shared} of {source.Chunks.Count} chunks shared");
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(5, 2)]
    [InlineData(0, 1000)]
    public void WithChanges_OutOfRangeOrReversed_IsRejectedAndTheTextStays(int start, int end)
    {
        SourceText source = SourceText.From("وصل الوفد إلى بغداد.");

        var e = Assert.Throws<EngineException>(() => source.WithChanges([new TextChange(start, end, "x")]));
        Assert.Equal(Problem.ChangeOutsideText, e.Problem);
        Assert.Equal("وصل الوفد إلى بغداد.", source.ToString());
    }

    [Fact]
    public void WithChanges_Overlapping_IsRejected()
    {
        SourceText source = SourceText.From("وصل الوفد إلى بغداد أمس في زيارة رسمية.");

        Assert.Throws<EngineException>(() => source.WithChanges([new TextChange(2, 8, "a"), new TextChange(5, 10, "b")]));
    }
}
