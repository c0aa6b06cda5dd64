using System.Text;
using System.Text.Json;
using Engine.Tests.Infrastructure;

namespace Engine.Cli.Tests;

public class SummarizeCliTests
{
    [Fact]
    public void Summarize_Seed_PrintsSentencesCopiedFromTheText()
    {
        string seed = TestData.Seed;
        var (code, output, _) = CliTests.Run("", "summarize", TestData.SeedPath, "--sentences", "2");

        Assert.Equal(0, code);
        string[] lines = output.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Contains(l, seed, StringComparison.Ordinal));
    }

    [Fact]
    public void Summarize_JsonWithExplain_GivesScoresAndFeatures()
    {
        var (code, output, _) = CliTests.Run("", "summarize", TestData.SeedPath, "--format", "json", "--explain", "--algorithm", "lexrank");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(20, json.RootElement.GetProperty("all_sentences").GetArrayLength());
        Assert.All(json.RootElement.GetProperty("sentences").EnumerateArray(), s => Assert.True(s.GetProperty("score").GetDouble() > 0));
    }

    [Fact]
    public void Summarize_Jsonl_WritesOneLinePerDocumentInInputOrder()
    {
        var articles = TestData.NewsArticles().Take(12).ToList();
        string input = string.Join('\n', articles.Select(a => JsonSerializer.Serialize(new { id = a.Id, text = a.Text })));
        var (code, output, err) = CliTests.Run(input, "summarize", "--jsonl", "-", "--ratio", "0.2");

        Assert.True(code == 0, err);
        string[] lines = output.TrimEnd().Split('\n');
        Assert.Equal(articles.Select(a => a.Id), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        foreach (var (line, article) in lines.Zip(articles))
        {
            using var json = JsonDocument.Parse(line);
            var sentences = json.RootElement.GetProperty("sentences").EnumerateArray().Select(s => s.GetProperty("text").GetString()!).ToList();
            Assert.NotEmpty(sentences);
            Assert.All(sentences, s => Assert.Contains(s, article.Text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Analyze_Jsonl_GivesWhatSummarizeAndQuotesGiveInOnePass()
    {
        var articles = TestData.NewsArticles().Take(20).ToList();
        string input = string.Join('\n', articles.Select(a => JsonSerializer.Serialize(new { id = a.Id, text = a.Text })));
        var (code, analyzed, err) = CliTests.Run(input, "analyze", "--jsonl", "-", "--sentences", "3", "--min-confidence", "0.5");
        var (_, summarized, _) = CliTests.Run(input, "summarize", "--jsonl", "-", "--sentences", "3");
        var (_, quoted, _) = CliTests.Run(input, "quotes", "--jsonl", "-", "--min-confidence", "0.5");

        Assert.True(code == 0, err);
        string[] both = analyzed.TrimEnd().Split('\n');
        string[] summaries = summarized.TrimEnd().Split('\n');
        string[] quotes = quoted.TrimEnd().Split('\n');
        Assert.Equal(articles.Count, both.Length);
        int quoteCount = 0;
        for (int i = 0; i < both.Length; i++)
        {
            using var one = JsonDocument.Parse(both[i]);
            using var summary = JsonDocument.Parse(summaries[i]);
            using var quote = JsonDocument.Parse(quotes[i]);
            var expected = summary.RootElement.EnumerateObject().Concat(quote.RootElement.EnumerateObject().Where(p => p.Name != "id"))
                .Select(p => (p.Name, p.Value.GetRawText()));
            Assert.Equal(expected, one.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetRawText())));
            quoteCount += one.RootElement.GetProperty("quotes").GetArrayLength();
        }

        Assert.True(quoteCount > 20, $"{quoteCount} quotes in 20 news articles");
    }

    [Fact]
    public void Summarize_JsonlWithBadLines_AnswersEveryLineInOrderAndCountsThem()
    {
        string input = "{\"id\":\"a\",\"text\":\"قال الوزير إن الحرب انتهت. وأضاف أن السلام قريب.\"}\nnot json\n{\"id\":\"b\"}\n\n{\"id\":\"c\",\"text\":\"   \"}\n{\"id\":7,\"text\":\"وصل الوفد إلى بغداد.\"}";
        var (code, output, err) = CliTests.Run(input, "summarize", "--jsonl", "-");

        Assert.Equal(EngineCli.InputError, code);
        Assert.Contains("line 2: not valid JSON", err, StringComparison.Ordinal);
        Assert.Contains("line 3: no \"text\" string", err, StringComparison.Ordinal);
        Assert.Contains("line 4: blank line", err, StringComparison.Ordinal);
        Assert.Contains("line 5: the text is empty", err, StringComparison.Ordinal);
        Assert.Matches(@"engine: 2 ok, 4 failed in \d+(\.\d+)? s$", err.TrimEnd());
        JsonElement[] lines = [.. output.TrimEnd().Split('\n').Select(l => JsonDocument.Parse(l).RootElement)];
        Assert.Equal(["a", "2", "b", "4", "c", "7"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.Equal([false, true, true, true, true, false], lines.Select(l => l.TryGetProperty("error", out _)));
        Assert.Equal(3, lines[2].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Jsonl_InvalidUtf8AndByteOrderMark_LoseNoLine()
    {
        byte[] good = Encoding.UTF8.GetBytes("{\"id\":\"a\",\"text\":\"قال الوزير إن الحرب انتهت.\"}\n");
        byte[] bad = [.. "{\"id\":\"x\",\"text\":\""u8, 0xFF, 0xFE, 0xC0, 0xAF, .. "\"}\n"u8];
        byte[] input = [0xEF, 0xBB, 0xBF, .. good, .. bad, .. good];
        using var output = new MemoryStream();
        using var error = new StringWriter();

        JsonLines.Outcome outcome = await JsonLines.RunAsync(new MemoryStream(input), output, error, WriteId);

        Assert.Equal(new JsonLines.Outcome(2, 1), outcome);
        string[] lines = Encoding.UTF8.GetString(output.ToArray()).TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("a", JsonDocument.Parse(lines[0]).RootElement.GetProperty("id").GetString());
        Assert.Contains("not valid", JsonDocument.Parse(lines[1]).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("line 2: not valid", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jsonl_BinaryInput_IsRefusedInOneLineWithNoOutput()
    {
        byte[] input = File.ReadAllBytes(typeof(JsonLines).Assembly.Location); // a .dll: NUL bytes from the start
        using var output = new MemoryStream();
        using var error = new StringWriter();

        JsonLines.Outcome outcome = await JsonLines.RunAsync(new MemoryStream(input), output, error, WriteId);

        Assert.True(outcome.Binary);
        Assert.Equal(0, output.Length);
        Assert.Equal("engine: the input looks binary (it holds NUL bytes); give UTF-8 JSON Lines", error.ToString().Trim());
    }

    [Fact]
    public void Summarize_BinaryFileOrDirectory_IsRefusedInOneLine()
    {
        var (code, output, err) = CliTests.Run("", "summarize", typeof(JsonLines).Assembly.Location);
        var (dirCode, _, dirErr) = CliTests.Run("", "summarize", Path.GetTempPath());

        Assert.Equal(EngineCli.InputError, code);
        Assert.Empty(output);
        Assert.Contains("looks binary", err, StringComparison.Ordinal);
        Assert.Equal(EngineCli.InputError, dirCode);
        Assert.Contains("is a directory", dirErr, StringComparison.Ordinal);
    }

    private static void WriteId(InputDocument doc, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("id", doc.Id);
        json.WriteEndObject();
    }

    [Theory]
    [InlineData("--sentences", "2", "--ratio", "0.3")]
    [InlineData("--ratio", "1.5")]
    [InlineData("--words", "0")]
    public void Summarize_BadBudget_FailsWithAMessage(params string[] budget)
    {
        var (code, _, err) = CliTests.Run("", ["summarize", TestData.SeedPath, .. budget]);

        Assert.Equal(EngineCli.InputError, code);
        Assert.StartsWith("engine: ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_EascDevLead_PrintsTheScorerLines()
    {
        var (code, output, err) = CliTests.Run("", "eval", "--corpus", TestData.EascPath, "--split", "dev", "--ratio", "0.33", "--algorithm", "lead");

        Assert.True(code == 0, err);
        Assert.Contains("documents=102", output, StringComparison.Ordinal);
        Assert.Matches(@"rouge1: F=0\.4\d{3} R=0\.\d{4} P=0\.\d{4}", output);
    }

    [Fact]
    public async Task Jsonl_LineOverTheLimit_IsReportedAndSkippedWithBoundedMemory()
    {
        string good = "{\"id\":\"a\",\"text\":\"قال الوزير إن الحرب انتهت. وأضاف أن السلام قريب.\"}";
        string huge = "{\"id\":\"big\",\"text\":\"" + new string('ب', 300_000) + "\"}";
        byte[] input = Encoding.UTF8.GetBytes(good + "\n" + huge + "\n" + good.Replace("\"a\"", "\"c\"", StringComparison.Ordinal));
        using var output = new MemoryStream();
        using var error = new StringWriter();

        JsonLines.Outcome outcome = await JsonLines.RunAsync(new MemoryStream(input), output, error, WriteId, maxLineBytes: 100_000);

        Assert.Equal(new JsonLines.Outcome(2, 1), outcome);
        Assert.Contains("line 2: longer than 100000 bytes; skipped", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(["a", "2", "c"], Encoding.UTF8.GetString(output.ToArray()).TrimEnd().Split('\n').Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
    }
}
