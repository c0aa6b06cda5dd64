using Engine.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Engine.Server.Tests;

/// <summary>
/// The page in a real browser: headless Chromium (the system's, found at ENGINE_CHROMIUM or
/// /usr/bin/chromium; .ci/run installs it) driven by Playwright.
/// </summary>
[Trait("Category", "Browser")]
[Collection(nameof(ServerCollection))] // its servers analyse too: not beside tests that count the shared pools
public sealed class PageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private OneOffServer _server = null!;
    private string _base = string.Empty;

    private static string Chromium() =>
        Environment.GetEnvironmentVariable("ENGINE_CHROMIUM") is { Length: > 0 } path ? path
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : throw new InvalidOperationException("The browser test needs Chromium: apt-get install chromium, or set ENGINE_CHROMIUM to its path.");

    public async Task InitializeAsync()
    {
        int port = HttpTests.FreePort();
        _server = await OneOffServer.StartAsync([$"--Engine:HttpUrl=http://127.0.0.1:{port}"]);
        _base = $"http://127.0.0.1:{port}";
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TheSeed_ShowsItsSummaryAndQuotesWithTheirSpeakers_AndTheMarksFollowTyping()
    {
        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium(), Headless = true, Args = ["--no-sandbox"] });
        IPage page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1500, Height = 1000 } });

        await page.GotoAsync(_base + "/?example=seed");
        await page.WaitForSelectorAsync("body[data-version='1']");

        // The three summary sentences, highlighted in place and listed.
        Grpc.V1.SummarizeResponse expected = await _server.Summarizer.SummarizeAsync(new Grpc.V1.SummarizeRequest { Text = TestData.Seed });
        Assert.Equal(expected.Sentences.Select(s => s.Text), await page.Locator("#summary li").AllTextContentsAsync());
        Assert.Equal(3, (await page.Locator("#view .summary").EvaluateAllAsync<string[]>("spans => [...new Set(spans.map(s => s.dataset.sentence))]")).Length);
        Assert.Equal(expected.Sentences[0].Text, await page.EvaluateAsync<string>("[...document.querySelectorAll('#view [data-sentence=\"0\"]')].map(s => s.textContent).join('')"));

        // The 13 quotes, underlined in their speakers' colours, and the legend counting them by speaker.
        Assert.Equal("13", await page.GetAttributeAsync("body", "data-quotes"));
        Dictionary<string, int> legend = await Legend(page);
        Dictionary<string, int> speakers = expected.Quotes.GroupBy(q => q.SpeakerCanonical).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(speakers.OrderBy(p => p.Key), legend.OrderBy(p => p.Key));
        Assert.Equal(1, legend["وزير الدفاع الأميركي لويد أوستن"]);
        string[] colours = await page.Locator("#legend li").EvaluateAllAsync<string[]>("items => items.map(i => i.style.getPropertyValue('--speaker'))");
        Assert.Equal(colours.Length, colours.Distinct().Count());
        string screenshot = Path.Combine(AppContext.BaseDirectory, "page-seed.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = false });
        output.WriteLine("screenshot: " + screenshot);

        // Typing a new reported statement at the end: a new quote and a new speaker appear.
        await page.FocusAsync("#editor");
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync("\nوقال الرئيس الأميركي جو بايدن إن الزيارة مهمة جدا.");
        await page.WaitForFunctionAsync("document.getElementById('view').textContent.endsWith('مهمة جدا.') && document.body.dataset.quotes === '14'");
        Assert.Contains(await Legend(page), p => p.Key.Contains("بايدن", StringComparison.Ordinal));
        Assert.Contains("مهمة جدا", await page.EvaluateAsync<string>("[...document.querySelectorAll('#view .quote')].map(s => s.textContent).join('')"), StringComparison.Ordinal);

        // Keystroke to redrawn marks, one character at a time (reported, not asserted: machines differ).
        var latencies = new List<double>();
        for (int i = 0; i < 20; i++)
        {
            string version = (await page.GetAttributeAsync("body", "data-version"))!;
            await page.EvaluateAsync("window.engineLatencyMs = undefined");
            await page.Keyboard.TypeAsync(i % 2 == 0 ? "ب" : "ا");
            await page.WaitForFunctionAsync($"document.body.dataset.version !== '{version}' && window.engineLatencyMs !== undefined");
            latencies.Add(await page.EvaluateAsync<double>("window.engineLatencyMs"));
        }

        latencies.Sort();
        output.WriteLine($"keystroke to marks (ms), 20 keystrokes on the seed: median {latencies[10]:F1}, max {latencies[^1]:F1}");
        Assert.All(latencies, l => Assert.True(l > 0));
    }

    private static async Task<Dictionary<string, int>> Legend(IPage page)
    {
        string[][] rows = await page.Locator("#legend li").EvaluateAllAsync<string[][]>("items => items.map(i => [i.dataset.speaker, i.dataset.count])");
        return rows.ToDictionary(r => r[0], r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
