using System.CommandLine;
using System.Diagnostics;
using Engine.Grpc.V1;
using Grpc.Core;
using Grpc.Net.Client;

// Mixed traffic against a running server (Summarize, ExtractQuotes, editing sessions that open,
// change and close a document) for a given time, sampling the server's resident memory (by its
// process id, on this machine) so that a soak shows whether memory stays flat.
var address = new Option<string>("--address") { DefaultValueFactory = _ => "http://127.0.0.1:50051", Description = "The server." };
var minutes = new Option<double>("--minutes") { DefaultValueFactory = _ => 1, Description = "How long to run." };
var clients = new Option<int>("--clients") { DefaultValueFactory = _ => 16, Description = "Concurrent callers." };
var pid = new Option<int?>("--pid") { Description = "The server's process id, to sample its resident memory." };
var every = new Option<double>("--sample-seconds") { DefaultValueFactory = _ => 30, Description = "Seconds between samples." };
var corpus = new Option<string>("--corpus") { DefaultValueFactory = _ => "../shared/corpus/news/articles.jsonl", Description = "JSON Lines articles to send." };
var root = new RootCommand("engine-load: mixed gRPC traffic with memory samples (a soak when run for minutes)") { address, minutes, clients, pid, every, corpus, Throughput.Create(), ClusterEdit.Create() };
root.SetAction(async (parse, ct) =>
{
    string[] texts = [.. File.ReadLines(parse.GetValue(corpus)!).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!)];
    using var channel = GrpcChannel.ForAddress(parse.GetValue(address)!, new GrpcChannelOptions { MaxReceiveMessageSize = null });
    var summarizer = new Summarizer.SummarizerClient(channel);
    var documents = new Documents.DocumentsClient(channel);
    TimeSpan length = TimeSpan.FromMinutes(parse.GetValue(minutes));
    var stop = Stopwatch.StartNew();
    long ok = 0, failed = 0, sessions = 0;

    async Task CallerAsync(int n)
    {
        var random = new Random(n);
        while (stop.Elapsed < length && !ct.IsCancellationRequested)
        {
            string text = texts[random.Next(texts.Length)];
            try
            {
                switch (random.Next(3))
                {
                    case 0:
                        await summarizer.SummarizeAsync(new SummarizeRequest { Text = text, Ratio = 0.2 }, cancellationToken: ct);
                        break;
                    case 1:
                        await summarizer.ExtractQuotesAsync(new SummarizeRequest { Text = text }, cancellationToken: ct);
                        break;
                    default:
                        using (var call = documents.Edit(cancellationToken: ct))
                        {
                            string id = $"load-{n}-{Interlocked.Increment(ref sessions)}";
                            await call.RequestStream.WriteAsync(new EditRequest { Open = new OpenDocument { DocumentId = id, Text = text } }, ct);
                            await call.ResponseStream.MoveNext(ct);
                            for (int v = 1; v <= 5; v++)
                            {
                                int at = random.Next(text.Length);
                                while (at > 0 && char.IsLowSurrogate(text[at]))
                                {
                                    at--;
                                }

                                await call.RequestStream.WriteAsync(new EditRequest { Change = new ChangeDocument { DocumentId = id, BaseVersion = v, Edits = { new TextEdit { Start = at, End = at, NewText = " وقال الوزير إن " } } } }, ct);
                                await call.ResponseStream.MoveNext(ct);
                                text = text.Insert(at, " وقال الوزير إن ");
                            }

                            await call.RequestStream.WriteAsync(new EditRequest { Close = new CloseDocument { DocumentId = id } }, ct);
                            await call.RequestStream.CompleteAsync();
                            while (await call.ResponseStream.MoveNext(ct))
                            {
                            }
                        }

                        break;
                }

                Interlocked.Increment(ref ok);
            }
            catch (RpcException) when (!ct.IsCancellationRequested)
            {
                Interlocked.Increment(ref failed);
            }
        }
    }

    async Task SampleAsync()
    {
        Console.WriteLine("minute\tcalls ok\tfailed\tcalls/s\tserver RSS MB");
        long last = 0;
        var interval = TimeSpan.FromSeconds(parse.GetValue(every));
        var at = Stopwatch.StartNew();
        while (stop.Elapsed < length && !ct.IsCancellationRequested)
        {
            await Task.Delay(interval, ct).ConfigureAwait(false);
            long done = Interlocked.Read(ref ok);
            string rss = parse.GetValue(pid) is { } p ? Rss(p).ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
            Console.WriteLine($"{stop.Elapsed.TotalMinutes:F1}\t{done}\t{Interlocked.Read(ref failed)}\t{(done - last) / at.Elapsed.TotalSeconds:F0}\t{rss}");
            last = done;
            at.Restart();
        }
    }

    await Task.WhenAll([.. Enumerable.Range(0, parse.GetValue(clients)).Select(CallerAsync), SampleAsync()]);
    Console.WriteLine($"done: {ok} calls ok, {failed} failed, {sessions} editing sessions");
    return failed == 0 ? 0 : 1;
});
return await root.Parse(args).InvokeAsync();

static long Rss(int pid) =>
    long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
