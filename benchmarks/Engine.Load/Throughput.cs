using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Engine.Grpc.V1;
using Grpc.Health.V1;
using Grpc.Net.Client;

/// <summary>
/// <c>engine-load throughput</c>: Summarize on one article against grpc.health.v1.Health/Check (the
/// cheapest call the server answers) on the same channel, at each concurrency, in one run:
/// requests per second, p50 and p99, and Summarize's share of Check's requests per second.
/// </summary>
internal static class Throughput
{
    public static Command Create()
    {
        var address = new Option<string>("--address") { DefaultValueFactory = _ => "http://127.0.0.1:50051", Description = "The server." };
        var seconds = new Option<double>("--seconds") { DefaultValueFactory = _ => 10, Description = "Measured seconds per call and concurrency." };
        var warmup = new Option<double>("--warmup") { DefaultValueFactory = _ => 3, Description = "Unmeasured seconds before each measurement." };
        var levels = new Option<int[]>("--concurrency") { DefaultValueFactory = _ => [1, 8, 64], AllowMultipleArgumentsPerToken = true, Description = "Calls in flight at once." };
        var text = new Option<string>("--text") { DefaultValueFactory = _ => "seeds/000_cc32e3e8c87c2fdc.txt", Description = "The article Summarize is given." };
        var metrics = new Option<string?>("--metrics") { Description = "The server's Prometheus endpoint (http://127.0.0.1:8080/metrics): adds its CPU time and bytes allocated per call." };
        var command = new Command("throughput", "Summarize against Health/Check on one channel: requests/s, p50 and p99 at each concurrency.")
        {
            address, seconds, warmup, levels, text, metrics,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var channel = GrpcChannel.ForAddress(parse.GetValue(address)!);
            using var scraper = new HttpClient();
            string? metricsUrl = parse.GetValue(metrics);
            var health = new Health.HealthClient(channel);
            var summarizer = new Summarizer.SummarizerClient(channel);
            var check = new HealthCheckRequest();
            var summarize = new SummarizeRequest { Text = File.ReadAllText(parse.GetValue(text)!), MaxSentences = 3 };
            (string Name, Func<Task> Call)[] calls =
            [
                ("Health/Check", async () => await health.CheckAsync(check, cancellationToken: ct)),
                ("Summarize", async () => await summarizer.SummarizeAsync(summarize, cancellationToken: ct)),
            ];
            Console.WriteLine($"| concurrency | call | requests/s | p50 (ms) | p99 (ms) | p99/p50 | Summarize/Check | server CPU per call (µs) | allocated per call (B) |");
            Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (int level in parse.GetValue(levels)!)
            {
                double checkRate = 0;
                foreach ((string name, Func<Task> call) in calls)
                {
                    await RunAsync(call, level, TimeSpan.FromSeconds(parse.GetValue(warmup)), ct);
                    Server before = await Server.ScrapeAsync(scraper, metricsUrl, ct);
                    Result r = await RunAsync(call, level, TimeSpan.FromSeconds(parse.GetValue(seconds)), ct);
                    Server after = await Server.ScrapeAsync(scraper, metricsUrl, ct);
                    string cpu = metricsUrl is null ? "" : ((after.CpuSeconds - before.CpuSeconds) * 1e6 / r.Calls).ToString("F0", CultureInfo.InvariantCulture);
                    string allocated = metricsUrl is null ? "" : ((after.AllocatedBytes - before.AllocatedBytes) / r.Calls).ToString("F0", CultureInfo.InvariantCulture);
                    checkRate = name == "Health/Check" ? r.Rate : checkRate;
                    string share = name == "Health/Check" ? "" : (r.Rate / checkRate).ToString("P0", CultureInfo.InvariantCulture);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {level} | {name} | {r.Rate:F0} | {r.P50:F2} | {r.P99:F2} | {r.P99 / r.P50:F1} | {share} | {cpu} | {allocated} |"));
                }
            }
        });
        return command;
    }

    private readonly record struct Result(long Calls, double Rate, double P50, double P99);

    /// <summary>The server's CPU time and bytes allocated so far, from its runtime meter (zero without an endpoint).</summary>
    private readonly record struct Server(double CpuSeconds, double AllocatedBytes)
    {
        public static async Task<Server> ScrapeAsync(HttpClient http, string? url, CancellationToken ct)
        {
            if (url is null)
            {
                return default;
            }

            double cpu = 0, allocated = 0;
            foreach (string line in (await http.GetStringAsync(url, ct)).Split('\n'))
            {
                double Value() => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
                if (line.StartsWith("dotnet_process_cpu_time_seconds_total{", StringComparison.Ordinal))
                {
                    cpu += Value();
                }
                else if (line.StartsWith("dotnet_gc_heap_total_allocated_bytes_total{", StringComparison.Ordinal))
                {
                    allocated = Value();
                }
            }

            return new Server(cpu, allocated);
        }
    }

    /// <summary>Calls <paramref name="call"/> from <paramref name="level"/> loops for <paramref name="length"/>; every latency is kept.</summary>
    private static async Task<Result> RunAsync(Func<Task> call, int level, TimeSpan length, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var latencies = new List<long>[level];
        await Task.WhenAll(Enumerable.Range(0, level).Select(async i =>
        {
            var mine = latencies[i] = new List<long>(1 << 14);
            while (clock.Elapsed < length && !ct.IsCancellationRequested)
            {
                long start = Stopwatch.GetTimestamp();
                await call();
                mine.Add(Stopwatch.GetTimestamp() - start);
            }
        }));
        double elapsed = clock.Elapsed.TotalSeconds;
        long[] all = [.. latencies.SelectMany(l => l)];
        Array.Sort(all);
        double Ms(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(q * all.Length))] * 1000.0 / Stopwatch.Frequency;
        return new Result(all.Length, all.Length / elapsed, Ms(0.50), Ms(0.99));
    }
}
