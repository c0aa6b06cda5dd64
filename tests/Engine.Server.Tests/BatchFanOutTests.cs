using System.Text;
using System.Text.Json;
using Engine.Cli;
using Engine.Tests.Infrastructure;

namespace Engine.Server.Tests;

/// <summary>
/// <c>engine … --jsonl --server a,b,c</c>: a batch sent to several servers (client-side round robin)
/// writes what the same command writes analysing in process, line for line, even when a server is
/// lost in the middle of the batch.
/// </summary>
[Collection(nameof(ServerCollection))]
public class BatchFanOutTests
{
    [Theory]
    [InlineData("analyze", new[] { "--sentences", "3", "--explain", "--min-confidence", "0.3" })]
    [InlineData("summarize", new[] { "--ratio", "0.2" })]
    [InlineData("quotes", new string[0])]
    public async Task Batch_OnThreeServers_EqualsTheInProcessRun(string command, string[] options)
    {
        string input = WriteBatch(TestData.NewsArticles().Select(a => (a.Id, a.Text)), "news");
        await using OneOffServer a = await OneOffServer.StartAsync([]), b = await OneOffServer.StartAsync([]), c = await OneOffServer.StartAsync([]);

        (int local, string expected, _) = Run([command, "--jsonl", input, .. options]);
        (int remote, string actual, string err) = Run([command, "--jsonl", input, .. options, "--server", $"{a.Address},{b.Address},{c.Address}"]);

        Assert.Equal(0, local);
        Assert.True(remote == 0, err);
        Assert.Equal(TestData.NewsArticles().Count, actual.TrimEnd().Split('\n').Length);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Batch_ServerLostMidway_RetriesItsDocumentsOnTheOthers()
    {
        string[] easc = [.. TestData.ReadJsonLines(TestData.EascPath).Select(d => d.GetProperty("text").GetString()!)];
        string input = WriteBatch(Enumerable.Range(0, 4).SelectMany(copy => easc.Select((text, i) => ($"{copy}-{i}", text))), "easc");
        await using OneOffServer a = await OneOffServer.StartAsync([]), c = await OneOffServer.StartAsync([]);
        OneOffServer b = await OneOffServer.StartAsync([]);
        (_, string expected, _) = Run(["summarize", "--jsonl", input, "--ratio", "0.33"]);

        // B stops once a tenth of the answers are written, with calls of the batch still in flight on it.
        var lost = new TaskCompletionSource();
        var output = new LineCountingStream(easc.Length * 4 / 10, () => lost.TrySetResult());
        Task stopping = lost.Task.ContinueWith(_ => b.DisposeAsync().AsTask(), TaskScheduler.Default).Unwrap();
        var error = new StringWriter();
        int code = await Task.Run(() => EngineCli.Run(["summarize", "--jsonl", input, "--ratio", "0.33", "--server", $"{a.Address},{b.Address},{c.Address}"], TextReader.Null, output, error));
        await stopping;

        Assert.True(code == 0, error.ToString());
        Assert.True(lost.Task.IsCompleted);
        Assert.Equal(expected, Encoding.UTF8.GetString(output.ToArray()));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:1", "--server expects")]
    [InlineData("http://127.0.0.1:1/path", "--server expects")]
    [InlineData("http://127.0.0.1:1,https://127.0.0.1:2", "mixes http and https")]
    public void Server_Unusable_IsRefusedInOneLine(string servers, string message)
    {
        string input = WriteBatch([("a", "قال الوزير إن الاتفاق مهم.")], "one");
        (int code, string output, string err) = Run(["summarize", "--jsonl", input, "--server", servers]);

        Assert.Equal(EngineCli.InputError, code);
        Assert.Empty(output);
        Assert.Contains(message, err, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_WithoutJsonl_IsRefused()
    {
        (int code, _, string err) = Run(["summarize", TestData.SeedPath, "--server", "http://127.0.0.1:1"]);

        Assert.Equal(EngineCli.InputError, code);
        Assert.Contains("--server goes with --jsonl", err, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Run(string[] args)
    {
        using var output = new MemoryStream();
        var error = new StringWriter();
        int code = EngineCli.Run(args, TextReader.Null, output, error);
        return (code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    private static string WriteBatch(IEnumerable<(string Id, string Text)> documents, string name)
    {
        string path = Path.Combine(Path.GetTempPath(), $"engine-fanout-{name}-{Environment.ProcessId}.jsonl");
        File.WriteAllLines(path, documents.Select(d => JsonSerializer.Serialize(new { id = d.Id, text = d.Text })));
        return path;
    }

    /// <summary>A memory stream that calls back once <paramref name="lines"/> lines have been written to it.</summary>
    private sealed class LineCountingStream(int lines, Action reached) : MemoryStream
    {
        private int _seen;

        // MemoryStream sends every other Write of a derived stream here.
        public override void Write(byte[] buffer, int offset, int count)
        {
            base.Write(buffer, offset, count);
            _seen += buffer.AsSpan(offset, count).Count((byte)'\n');
            if (_seen >= lines)
            {
                reached();
            }
        }
    }
}
