using Engine.Grpc.V1;
using Engine.Server.Internal;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Engine.Server.Services;

/// <summary>
/// The JSON routes of http.proto (gRPC JSON transcoding): each is the gRPC method of the same
/// name, with its validation, limits, authentication and errors.
/// </summary>
internal sealed class HttpService(Requests requests, RpcHandler handler, IGrainFactory grains, IOptions<EngineServerOptions> options) : Http.HttpBase
{
    private readonly SummarizerService _summarizer = new(requests, handler, options);
    private readonly DocumentsService _documents = new(grains, requests, handler);

    public override Task<SummarizeResponse> Summarize(SummarizeRequest request, ServerCallContext context) => _summarizer.Summarize(request, context);

    public override Task<SummarizeResponse> ExtractQuotes(SummarizeRequest request, ServerCallContext context) => _summarizer.ExtractQuotes(request, context);

    public override Task<TokenizeResponse> Tokenize(TokenizeRequest request, ServerCallContext context) => _summarizer.Tokenize(request, context);

    public override Task<DocumentUpdate> EditDocument(EditRequest request, ServerCallContext context) => _documents.EditOne(request, context);
}
