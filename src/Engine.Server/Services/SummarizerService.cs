using System.Diagnostics;
using System.Threading.Channels;
using Engine.Analysis;
using Engine.Grpc.V1;
using Engine.Incremental;
using Engine.Quotes;
using Engine.Server.Internal;
using Engine.Summarization;
using Engine.Text;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Sentence = Engine.Sentences.Sentence;
using Token = Engine.Lexing.Token;

namespace Engine.Server.Services;

/// <summary>The Summarizer service: maps messages to the core and back; no linguistics here.</summary>
internal sealed class SummarizerService(Requests requests, RpcHandler handler, IOptions<EngineServerOptions> options) : Grpc.V1.Summarizer.SummarizerBase
{
    /// <summary>What a client can change when a Summarize or ExtractQuotes response is over the size limit.</summary>
    private const string NarrowSummary = "Ask for fewer sentences (max_sentences, ratio, max_words), leave explain off, raise min_confidence, or send less text.";

    public override Task<SummarizeResponse> Summarize(SummarizeRequest request, ServerCallContext context) =>
        handler.RunAsync(nameof(Summarize), context, () => handler.AnalyzeAsync(nameof(Summarize), context, ct => handler.Bounded(nameof(Summarize), Process(request, summarize: true, ct), NarrowSummary)));

    public override Task<SummarizeResponse> ExtractQuotes(SummarizeRequest request, ServerCallContext context) =>
        handler.RunAsync(nameof(ExtractQuotes), context, () => handler.AnalyzeAsync(nameof(ExtractQuotes), context, ct => handler.Bounded(nameof(ExtractQuotes), Process(request, summarize: false, ct), NarrowSummary)));

    public override Task SummarizeStream(SummarizeRequest request, IServerStreamWriter<SummarizeEvent> responseStream, ServerCallContext context) =>
        handler.RunAsync(nameof(SummarizeStream), context, () => handler.AnalyzeAsync(nameof(SummarizeStream), context, ct =>
        {
            requests.Validate(request);
            var state = (request, responseStream, Options: Requests.Summarizer(request), MinConfidence: Requests.MinConfidence(request), requests.MaxDiagnostics, ct);
            return AnalysisPool.AnalyzeAsync(request.Text, state, static async (analysis, s) =>
            {
                long start = Stopwatch.GetTimestamp();
                using var map = new OffsetMap(s.request.Text, Requests.Unit(s.request.OffsetUnit));

                // Quotes first: they go out while the summary is still being computed.
                QuoteResult quotes = DocumentResult.Analyze(analysis, s.Options, DocumentParts.Quotes, s.ct).Quotes.WithMinConfidence(s.MinConfidence);
                foreach (Engine.Quotes.Quote q in quotes.Quotes)
                {
                    await s.responseStream.WriteAsync(new SummarizeEvent { Quote = Wire.Quote(q, map) }, s.ct).ConfigureAwait(false);
                }

                int diagnostics = Math.Min(quotes.Diagnostics.Count, s.MaxDiagnostics);
                for (int i = 0; i < diagnostics; i++)
                {
                    await s.responseStream.WriteAsync(new SummarizeEvent { Diagnostic = Wire.Diagnostic(quotes.Diagnostics[i], map) }, s.ct).ConfigureAwait(false);
                }

                Summary summary = DocumentResult.Analyze(analysis, s.Options, DocumentParts.Summary, s.ct).Summary;
                foreach (ScoredSentence sentence in summary.Sentences)
                {
                    await s.responseStream.WriteAsync(new SummarizeEvent { Sentence = Wire.Sentence(summary, sentence, map) }, s.ct).ConfigureAwait(false);
                }

                Stats stats = Wire.Stats(summary, quotes, analysis.Sentences.Length, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                stats.DiagnosticsOmitted = quotes.Diagnostics.Count - diagnostics;
                await s.responseStream.WriteAsync(new SummarizeEvent { Stats = stats }, s.ct).ConfigureAwait(false);
                return true;
            }, ct);
        }));

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
                                    await done.Writer.WriteAsync(await ProcessOrErrorAsync(request, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
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
        handler.RunAsync(nameof(Tokenize), context, () => handler.AnalyzeAsync(nameof(Tokenize), context, ct =>
        {
            requests.ValidateText(request.Text);
            using var map = new OffsetMap(request.Text, Requests.Unit(request.OffsetUnit));
            return handler.Bounded(nameof(Tokenize), AnalysisPool.Analyze(request.Text, (request.Text, map), static (analysis, s) =>
            {
                var response = new TokenizeResponse();
                foreach (Token t in analysis.Tokens)
                {
                    response.Tokens.Add(Wire.Token(t, s.Text, s.map));
                }

                int index = 0;
                foreach (Sentence sentence in analysis.Sentences)
                {
                    response.Sentences.Add(new Grpc.V1.Sentence { Index = index++, Start = s.map.ToUnit(sentence.Start), End = s.map.ToUnit(sentence.End), Text = s.Text[sentence.Start..sentence.End] });
                    response.SentenceKinds.Add(sentence.Kind.ToString().ToLowerInvariant());
                }

                return response;
            }, ct), "Send less text: each token and sentence comes back with its text.");
        }));

    /// <summary>One document of a batch: its response, or a response holding only its id and error, so that one document's failure never costs the batch its other answers.</summary>
    private async Task<SummarizeResponse> ProcessOrErrorAsync(SummarizeRequest request, CancellationToken ct)
    {
        try
        {
            return await handler.AnalyzeAsync(nameof(SummarizeBatch), ct, callHasDeadline: false, analysis => Task.FromResult(handler.Bounded(nameof(SummarizeBatch), Process(request, summarize: true, analysis), NarrowSummary))).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            return new SummarizeResponse { Id = request.Id, Error = new Grpc.V1.ErrorStatus { Code = (int)e.StatusCode, Message = e.Status.Detail } };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One document's failure must not cost the batch its other answers.
            Log.Failed(handler.Logger, nameof(SummarizeBatch), e);
            return new SummarizeResponse { Id = request.Id, Error = new Grpc.V1.ErrorStatus { Code = (int)StatusCode.Internal, Message = "the document could not be processed." } };
        }
    }

    private SummarizeResponse Process(SummarizeRequest request, bool summarize, CancellationToken ct)
    {
        requests.Validate(request);
        SummarizerOptions summarizerOptions = Requests.Summarizer(request);
        double minConfidence = Requests.MinConfidence(request);
        long start = Stopwatch.GetTimestamp();
        using var map = new OffsetMap(request.Text, Requests.Unit(request.OffsetUnit));
        (DocumentParts wanted, IReadOnlySet<string>? fields) = Requests.ReadMask(request.ReadMask);
        DocumentParts parts = wanted & (summarize ? DocumentParts.All : DocumentParts.Quotes);
        SummarizeResponse response = AnalysisPool.Analyze(request.Text, (request, parts, fields, summarizerOptions, minConfidence, map, start, ct, requests.MaxDiagnostics), static (analysis, s) =>
        {
            DocumentResult result = DocumentResult.Analyze(analysis, s.summarizerOptions, s.parts, s.ct);
            return Wire.Response(s.request.Id, result, s.minConfidence, s.map, Stopwatch.GetElapsedTime(s.start).TotalMilliseconds, s.MaxDiagnostics, s.fields);
        }, ct);
        Log.Handled(handler.Logger, summarize ? "Summarize" : "ExtractQuotes", request.Id, request.Text.Length, response.Quotes.Count, response.Sentences.Count, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return response;
    }
}
