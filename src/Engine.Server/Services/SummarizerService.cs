using System.Diagnostics;
using System.Threading.Channels;
using Engine.Analysis;
using Engine.Grpc.V1;
using Engine.Lexing;
using Engine.Quotes;
using Engine.Server.Internal;
using Engine.Summarization;
using Engine.Text;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Sentence = Engine.Sentences.Sentence;
using Summarizer = Engine.Summarization.Summarizer;
using Token = Engine.Lexing.Token;

namespace Engine.Server.Services;

/// <summary>The Summarizer service: maps messages to the core and back; no linguistics here.</summary>
internal sealed class SummarizerService(Requests requests, RpcHandler handler, IOptions<EngineServerOptions> options) : Grpc.V1.Summarizer.SummarizerBase
{
    public override Task<SummarizeResponse> Summarize(SummarizeRequest request, ServerCallContext context) =>
        handler.RunAsync(nameof(Summarize), context, () => Task.FromResult(Process(request, summarize: true, context.CancellationToken)));

    public override Task<SummarizeResponse> ExtractQuotes(SummarizeRequest request, ServerCallContext context) =>
        handler.RunAsync(nameof(ExtractQuotes), context, () => Task.FromResult(Process(request, summarize: false, context.CancellationToken)));

    public override Task SummarizeStream(SummarizeRequest request, IServerStreamWriter<SummarizeEvent> responseStream, ServerCallContext context) =>
        handler.RunAsync(nameof(SummarizeStream), context, async () =>
        {
            requests.ValidateText(request.Text);
            SummarizerOptions summarizerOptions = Requests.Summarizer(request);
            double minConfidence = Requests.MinConfidence(request);
            CancellationToken ct = context.CancellationToken;
            long start = Stopwatch.GetTimestamp();
            using var map = new OffsetMap(request.Text, Requests.Unit(request.OffsetUnit));
            TextAnalysis analysis = AnalysisPool.Shared.Get();
            try
            {
                analysis.Load(request.Text);
                ct.ThrowIfCancellationRequested();

                // Quotes first: they go out while the summary is still being computed.
                QuoteResult quotes = QuoteExtractor.Extract(analysis).WithMinConfidence(minConfidence);
                foreach (Engine.Quotes.Quote q in quotes.Quotes)
                {
                    await responseStream.WriteAsync(new SummarizeEvent { Quote = Wire.Quote(q, map) }, ct).ConfigureAwait(false);
                }

                foreach (QuoteDiagnostic d in quotes.Diagnostics)
                {
                    await responseStream.WriteAsync(new SummarizeEvent { Diagnostic = Wire.Diagnostic(d, map) }, ct).ConfigureAwait(false);
                }

                ct.ThrowIfCancellationRequested();
                Summary summary = Summarizer.Summarize(analysis, summarizerOptions);
                foreach (ScoredSentence s in summary.Sentences)
                {
                    await responseStream.WriteAsync(new SummarizeEvent { Sentence = Wire.Sentence(summary, s, map) }, ct).ConfigureAwait(false);
                }

                double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                await responseStream.WriteAsync(new SummarizeEvent { Stats = Wire.Stats(summary, quotes, analysis.Sentences.Length, elapsed) }, ct).ConfigureAwait(false);
            }
            finally
            {
                AnalysisPool.Shared.Return(analysis);
            }
        });

    public override Task SummarizeBatch(IAsyncStreamReader<SummarizeRequest> requestStream, IServerStreamWriter<SummarizeResponse> responseStream, ServerCallContext context) =>
        handler.RunAsync(nameof(SummarizeBatch), context, async () =>
        {
            int concurrency = Math.Max(1, options.Value.BatchConcurrency);
            CancellationToken ct = context.CancellationToken;

            // Finished responses wait here for the (single) writer. The channel is bounded and a
            // worker frees its slot only once its response is in the channel, so a slow reader
            // stops the workers, which stops the request reader, which lets HTTP/2 flow control
            // push back on the client.
            var done = Channel.CreateBounded<SummarizeResponse>(new BoundedChannelOptions(concurrency) { SingleReader = true });
            // Not disposed: a worker still finishing after a cancelled call may release it late.
            var slots = new SemaphoreSlim(concurrency);

            async Task ReadAsync()
            {
                try
                {
                    await foreach (SummarizeRequest request in requestStream.ReadAllAsync(ct).ConfigureAwait(false))
                    {
                        await slots.WaitAsync(ct).ConfigureAwait(false);
                        _ = Task.Run(
                            async () =>
                            {
                                try
                                {
                                    await done.Writer.WriteAsync(ProcessOrError(request, ct), ct).ConfigureAwait(false);
                                }
                                catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
                                {
                                    // The call ended (cancelled or failed): the response has nowhere to go.
                                }
                                finally
                                {
                                    slots.Release();
                                }
                            },
                            CancellationToken.None);
                    }

                    // Holding every slot means every worker has finished.
                    for (int i = 0; i < concurrency; i++)
                    {
                        await slots.WaitAsync(ct).ConfigureAwait(false);
                    }

                    done.Writer.Complete();
                }
                catch (Exception e)
                {
                    done.Writer.Complete(e);
                }
            }

            Task reader = ReadAsync();
            await foreach (SummarizeResponse response in done.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                await responseStream.WriteAsync(response, ct).ConfigureAwait(false);
            }

            await reader.ConfigureAwait(false);
        });

    public override Task<TokenizeResponse> Tokenize(TokenizeRequest request, ServerCallContext context) =>
        handler.RunAsync(nameof(Tokenize), context, () =>
        {
            requests.ValidateText(request.Text);
            using var map = new OffsetMap(request.Text, Requests.Unit(request.OffsetUnit));
            return Task.FromResult(AnalysisPool.Analyze(request.Text, (request.Text, map), static (analysis, s) =>
            {
                var response = new TokenizeResponse();
                foreach (Token t in analysis.Tokens)
                {
                    response.Tokens.Add(new Grpc.V1.Token
                    {
                        Kind = t.Kind.ToString(),
                        Start = s.map.ToUnit(t.Start),
                        End = s.map.ToUnit(t.End),
                        Text = s.Text.Substring(t.Start, t.Length),
                        Flags = t.Flags == TokenFlags.None ? string.Empty : t.Flags.ToString(),
                    });
                }

                int index = 0;
                foreach (Sentence sentence in analysis.Sentences)
                {
                    response.Sentences.Add(new Grpc.V1.Sentence { Index = index++, Start = s.map.ToUnit(sentence.Start), End = s.map.ToUnit(sentence.End), Text = s.Text[sentence.Start..sentence.End] });
                    response.SentenceKinds.Add(sentence.Kind.ToString().ToLowerInvariant());
                }

                return response;
            }));
        });

    private SummarizeResponse ProcessOrError(SummarizeRequest request, CancellationToken ct)
    {
        try
        {
            return Process(request, summarize: true, ct);
        }
        catch (RpcException e)
        {
            return new SummarizeResponse { Id = request.Id, Error = $"{e.StatusCode}: {e.Status.Detail}" };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One document's failure must not cost the batch its other answers.
            Log.Failed(handler.Logger, nameof(SummarizeBatch), e);
            return new SummarizeResponse { Id = request.Id, Error = "Internal: the document could not be processed." };
        }
    }

    private SummarizeResponse Process(SummarizeRequest request, bool summarize, CancellationToken ct)
    {
        requests.ValidateText(request.Text);
        SummarizerOptions summarizerOptions = Requests.Summarizer(request);
        double minConfidence = Requests.MinConfidence(request);
        long start = Stopwatch.GetTimestamp();
        using var map = new OffsetMap(request.Text, Requests.Unit(request.OffsetUnit));
        SummarizeResponse response = AnalysisPool.Analyze(request.Text, (request, summarize, summarizerOptions, minConfidence, map, start, ct), static (analysis, s) =>
        {
            s.ct.ThrowIfCancellationRequested();
            QuoteResult quotes = QuoteExtractor.Extract(analysis).WithMinConfidence(s.minConfidence);
            s.ct.ThrowIfCancellationRequested();
            Summary? summary = s.summarize ? Summarizer.Summarize(analysis, s.summarizerOptions) : null;
            return Wire.Response(s.request.Id, summary, quotes, analysis.Sentences.Length, s.map, Stopwatch.GetElapsedTime(s.start).TotalMilliseconds);
        });
        Log.Handled(handler.Logger, summarize ? "Summarize" : "ExtractQuotes", request.Id, request.Text.Length, response.Quotes.Count, response.Sentences.Count, response.Stats.ElapsedMs);
        return response;
    }
}
