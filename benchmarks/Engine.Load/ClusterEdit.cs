using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Engine.Grpc.V1;
using Grpc.Core;
using Grpc.Net.Client;

/// <summary>
/// <c>engine-load cluster-edit</c>: a one-word edit of a session that lives on server A, sent through
/// A (local) and through B (the cluster takes it to A), in alternating rounds of one run: p50, p90
/// and the remote case's cost against the local one.
/// </summary>
internal static class ClusterEdit
{
    private const string Word = " جديد";

    public static Command Create()
    {
        var a = new Option<string>("--a") { DefaultValueFactory = _ => "http://127.0.0.1:50051", Description = "The server the sessions are opened on (and live on)." };
        var b = new Option<string>("--b") { DefaultValueFactory = _ => "http://127.0.0.1:50052", Description = "Another server of the same cluster." };
        var rounds = new Option<int>("--rounds") { DefaultValueFactory = _ => 300, Description = "Measured edits per case." };
        var warmup = new Option<int>("--warmup") { DefaultValueFactory = _ => 30, Description = "Unmeasured edits per case first." };
        var text = new Option<string>("--text") { DefaultValueFactory = _ => "seeds/000_cc32e3e8c87c2fdc.txt", Description = "The article edited." };
        var command = new Command("cluster-edit", "A one-word edit through the server holding the session and through another one: p50, p90, ratio.")
        {
            a, b, rounds, warmup, text,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var channelA = GrpcChannel.ForAddress(parse.GetValue(a)!);
            using var channelB = GrpcChannel.ForAddress(parse.GetValue(b)!);
            await ServingAsync(channelA, ct);
            await ServingAsync(channelB, ct);
            string article = File.ReadAllText(parse.GetValue(text)!);
            string run = Guid.NewGuid().ToString("N")[..8];

            // Both sessions are opened through A, so both live on A; one is then edited through A, the other through B.
            using var openCall = new Documents.DocumentsClient(channelA).Edit(cancellationToken: ct);
            Session local = await Session.OpenAsync(openCall, $"local-{run}", article, ct);
            Session remote = await Session.OpenAsync(openCall, $"remote-{run}", article, ct);
            using var throughA = new Documents.DocumentsClient(channelA).Edit(cancellationToken: ct);
            using var throughB = new Documents.DocumentsClient(channelB).Edit(cancellationToken: ct);

            var localTimes = new List<double>();
            var remoteTimes = new List<double>();
            int total = parse.GetValue(warmup) + parse.GetValue(rounds);
            for (int i = 0; i < total; i++)
            {
                double l = await local.EditAsync(throughA, ct);
                double r = await remote.EditAsync(throughB, ct);
                if (i >= parse.GetValue(warmup))
                {
                    localTimes.Add(l);
                    remoteTimes.Add(r);
                }
            }

            double Percentile(List<double> times, double p) => times.Order().ElementAt((int)Math.Min(times.Count - 1, Math.Floor(p * times.Count)));
            Console.WriteLine("| edit | edits | p50 (ms) | p90 (ms) | p50 / local p50 |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach ((string name, List<double> times) in (ReadOnlySpan<(string, List<double>)>)[("through A (local)", localTimes), ("through B (remote)", remoteTimes)])
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {times.Count} | {Percentile(times, 0.5):F2} | {Percentile(times, 0.9):F2} | {Percentile(times, 0.5) / Percentile(localTimes, 0.5):F2} |"));
            }

            foreach (Session session in (Session[])[local, remote])
            {
                await openCall.RequestStream.WriteAsync(new EditRequest { Close = new CloseDocument { DocumentId = session.Id } }, ct);
            }

            await openCall.RequestStream.CompleteAsync();
            await foreach (DocumentUpdate _ in openCall.ResponseStream.ReadAllAsync(ct))
            {
            }
        });
        return command;
    }

    /// <summary>Waits (up to a minute) until the server answers its health check, so that servers started just before can be measured.</summary>
    private static async Task ServingAsync(GrpcChannel channel, CancellationToken ct)
    {
        var health = new Grpc.Health.V1.Health.HealthClient(channel);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: ct);
                return;
            }
            catch (RpcException) when (waited.Elapsed < TimeSpan.FromMinutes(1))
            {
                await Task.Delay(250, ct);
            }
        }
    }

    /// <summary>One session: a word inserted in the middle of its text, then taken out again, each edit timed.</summary>
    private sealed class Session(string id, int at)
    {
        private long _version = 1;

        public string Id => id;

        public static async Task<Session> OpenAsync(AsyncDuplexStreamingCall<EditRequest, DocumentUpdate> call, string id, string text, CancellationToken ct)
        {
            await call.RequestStream.WriteAsync(new EditRequest { Open = new OpenDocument { DocumentId = id, Text = text, Options = new DocumentOptions { MaxSentences = 3 } } }, ct);
            await call.ResponseStream.MoveNext(ct);
            int middle = text.IndexOf(' ', text.Length / 2);
            return new Session(id, middle < 0 ? text.Length : middle);
        }

        /// <summary>Milliseconds from sending the edit to its update.</summary>
        public async Task<double> EditAsync(AsyncDuplexStreamingCall<EditRequest, DocumentUpdate> call, CancellationToken ct)
        {
            TextEdit edit = _version % 2 == 1
                ? new TextEdit { Start = at, End = at, NewText = Word }
                : new TextEdit { Start = at, End = at + Word.Length, NewText = "" };
            long start = Stopwatch.GetTimestamp();
            await call.RequestStream.WriteAsync(new EditRequest { Change = new ChangeDocument { DocumentId = id, BaseVersion = _version, Edits = { edit } } }, ct);
            if (!await call.ResponseStream.MoveNext(ct) || call.ResponseStream.Current.Version != _version + 1)
            {
                throw new InvalidOperationException($"{id}: the edit at version {_version} was not answered with the next version.");
            }

            _version++;
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
    }
}
