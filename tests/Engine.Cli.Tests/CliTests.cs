using System.Text;
using System.Text.Json;
using Engine.Tests.Infrastructure;

namespace Engine.Cli.Tests;

public class CliTests
{
    internal static (int Code, string Out, string Err) Run(string stdin, params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin)); // what --jsonl - reads
        int code = EngineCli.Run(args, new StringReader(stdin), stdout, stderr, input);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    [Fact]
    public void Tokenize_SeedAsJson_ListsTokensWithOffsetsIntoTheText()
    {
        string seed = TestData.Seed;
        var (code, output, _) = Run("", "tokenize", TestData.SeedPath, "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var tokens = json.RootElement.GetProperty("tokens").EnumerateArray().ToArray();
        Assert.Equal(Lex.Tokens(seed).Length, tokens.Length);
        foreach (var t in tokens)
        {
            int start = t.GetProperty("start").GetInt32();
            int end = t.GetProperty("end").GetInt32();
            Assert.Equal(seed[start..end], t.GetProperty("text").GetString());
        }

        Assert.Contains(tokens, t => t.GetProperty("kind").GetString() == "Number" && t.GetProperty("text").GetString() == "2500");
    }

    [Fact]
    public void Keyphrases_OfTheSeed_AsTextJsonAndJsonLines()
    {
        var (code, text, _) = Run("", "keyphrases", TestData.SeedPath, "--count", "3");
        var (_, json, _) = Run("", "keyphrases", TestData.SeedPath, "--format", "json");
        string line = JsonSerializer.Serialize(new { id = "seed", text = TestData.Seed });
        var (batchCode, batch, batchErr) = Run(line + "\n", "keyphrases", "--jsonl", "-");

        Assert.Equal(0, code);
        string[] rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, rows.Length);
        Assert.Equal("1.000\tالعراق والولايات المتّحدة", rows[0]);
        using var doc = JsonDocument.Parse(json);
        JsonElement[] keyphrases = [.. doc.RootElement.GetProperty("keyphrases").EnumerateArray()];
        Assert.Equal(10, keyphrases.Length);
        Assert.Equal("العراق والولايات المتّحدة", keyphrases[0].GetProperty("text").GetString());
        Assert.Equal(1.0, keyphrases[0].GetProperty("score").GetDouble());
        Assert.Equal(0, batchCode);
        using var first = JsonDocument.Parse(batch.Split('\n')[0]);
        Assert.Equal("seed", first.RootElement.GetProperty("id").GetString());
        Assert.Equal(10, first.RootElement.GetProperty("keyphrases").GetArrayLength());
        Assert.Contains("1 ok, 0 failed", batchErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Keyphrases_CountBelowOne_IsOneLineOnStandardErrorAndExitCode2()
    {
        var (code, output, error) = Run("", "keyphrases", TestData.SeedPath, "--count", "0");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal("engine: --count must be at least 1 (got 0)", error.Trim());
    }

    [Fact]
    public void Quotes_MinConfidence_KeepsOnlyQuotesAtOrAboveIt()
    {
        var (_, all, _) = Run("", "quotes", TestData.SeedPath, "--format", "json");
        var (code, sure, _) = Run("", "quotes", TestData.SeedPath, "--format", "json", "--min-confidence", "0.85");

        Assert.Equal(0, code);
        double[] confidences = [.. JsonDocument.Parse(all).RootElement.GetProperty("quotes").EnumerateArray().Select(q => q.GetProperty("confidence").GetDouble())];
        double[] kept = [.. JsonDocument.Parse(sure).RootElement.GetProperty("quotes").EnumerateArray().Select(q => q.GetProperty("confidence").GetDouble())];
        Assert.Equal(confidences.Count(c => c >= 0.85), kept.Length);
        Assert.All(kept, c => Assert.True(c >= 0.85));
        Assert.True(kept.Length < confidences.Length);
    }

    [Fact]
    public void Quotes_MinConfidenceOutOfRange_IsAnInputError()
    {
        var (code, output, error) = Run("", "quotes", TestData.SeedPath, "--min-confidence", "1.5");

        Assert.Equal(EngineCli.InputError, code);
        Assert.Empty(output);
        Assert.Contains("--min-confidence must be between 0 and 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalQuotes_DevArticles_PrintsFoldsMeanAndReliability()
    {
        string news = Path.Combine(TestData.Shared, "corpus", "news");
        string eval = Path.Combine(TestData.Shared, "eval");
        var (code, output, _) = Run("", "eval-quotes", "--corpus", Path.Combine(news, "articles-2.jsonl"), "--gold", Path.Combine(eval, "quotes-dev2.jsonl"), "--folds", "4", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(4, json.RootElement.GetProperty("folds").GetArrayLength());
        double mean = json.RootElement.GetProperty("cv_mean").GetProperty("end_to_end").GetProperty("f").GetDouble();
        Assert.InRange(mean, 0.5, 1);
        Assert.Equal(5, json.RootElement.GetProperty("reliability").GetArrayLength());
    }

    [Fact]
    public void Tune_NewsReferences_ReportsEachFoldBesideLead()
    {
        string refs = Path.Combine(TestData.Shared, "eval", "summaries-news-dev2.jsonl");
        var (code, output, _) = Run("", "tune", "--news", refs, "--folds", "2");

        Assert.Equal(0, code);
        Assert.Contains("40 documents, 2-fold cross-validation", output, StringComparison.Ordinal);
        Assert.Contains("fold 2", output, StringComparison.Ordinal);
        Assert.Matches(@"CV mean\s+0\.\d{4} / 0\.\d{4}", output);
        Assert.Contains("summaries-news-dev2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentences_FromStandardInput_PrintsOneLinePerSentence()
    {
        var (code, output, _) = Run("قال الوزير إن الحرب انتهت. وأضاف أن السلام قريب.", "sentences", "-");

        Assert.Equal(0, code);
        string[] lines = output.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("وأضاف أن السلام قريب.", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Sentences_SeedAsJson_MarksTheTitle()
    {
        var (code, output, _) = Run("", "sentences", TestData.SeedPath, "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        JsonElement sentences = json.RootElement.GetProperty("sentences");
        Assert.Equal("title", sentences[0].GetProperty("kind").GetString());
        Assert.Equal(23, sentences.GetArrayLength());
    }

    [Theory]
    [InlineData("tokenize", "tokens")]
    [InlineData("sentences", "sentences")]
    public void TokenizeAndSentences_TakeJsonLines_OneResultPerLine(string command, string field)
    {
        string input = JsonSerializer.Serialize(new { id = "a", text = "قال الوزير: «نعم». وانتهى الاجتماع." }) + "\n" + JsonSerializer.Serialize(new { id = "b", text = TestData.Seed }) + "\n";
        var (code, output, err) = Run(input, command, "--jsonl", "-");

        Assert.Equal(0, code);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var a = JsonDocument.Parse(lines[0]);
        using var b = JsonDocument.Parse(lines[1]);
        Assert.Equal("a", a.RootElement.GetProperty("id").GetString());
        Assert.Equal("b", b.RootElement.GetProperty("id").GetString());
        string text = TestData.Seed;
        Assert.All(b.RootElement.GetProperty(field).EnumerateArray(), e => Assert.Equal(text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()], e.GetProperty("text").GetString()));
        Assert.Matches(@"^engine: 2 ok, 0 failed in \d+(\.\d+)? s$", err.Trim());
    }

    [Theory]
    [InlineData(new[] { "summarize", "--sentences", "abc" }, "engine: --sentences expects a whole number (got 'abc') (see engine summarize --help)")]
    [InlineData(new[] { "summarize", "--ratio", "x" }, "engine: --ratio expects a number (got 'x') (see engine summarize --help)")]
    [InlineData(new[] { "summarize", "--out", "o.jsonl", "-" }, "engine: --out goes with --jsonl; one text is written to standard output")]
    [InlineData(new[] { "quotes", "--jsonl", "-", "file.txt" }, "engine: give FILE or --jsonl, not both")]
    [InlineData(new[] { "tokenize", "--jsonl", "-", "--format", "json" }, "engine: --format is for one text; --jsonl always writes JSON Lines")]
    [InlineData(new[] { "summarize", "--sentences", "0", "-" }, "engine: --sentences must be at least 1 (got 0).")]
    public void AnOptionError_IsOneLineOnStandardError_AndExitCode2(string[] args, string message)
    {
        var (code, output, error) = Run("نص قصير.", args);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(message, error.TrimEnd('\n'));
    }

    [Fact]
    public void MissingFile_PrintsAClearMessageAndFails()
    {
        var (code, _, err) = Run("", "tokenize", "/no/such/file.txt");

        Assert.Equal(EngineCli.InputError, code);
        Assert.Contains("file not found: /no/such/file.txt", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyInput_PrintsAClearMessageAndFails()
    {
        var (code, _, err) = Run("  \n ", "sentences");

        Assert.Equal(EngineCli.InputError, code);
        Assert.Contains("is empty", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tokenize", "--bogus")]
    [InlineData("tokenize", "--format", "xml")]
    [InlineData("frobnicate")]
    public void UnknownOptionOrCommand_FailsWithoutAStackTrace(params string[] args)
    {
        var (code, _, err) = Run("نص", args);

        Assert.NotEqual(0, code);
        Assert.NotEmpty(err);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }
}
