using Engine.Grpc.V1;
using Engine.Server.Cluster;
using Engine.Server.Internal;
using Google.Protobuf;
using Grpc.Core;

namespace Engine.Server.Services;

/// <summary>
/// The Documents service: each message goes to its document's grain (<see cref="DocumentGrain"/>),
/// which holds the editing session on whichever server of the cluster it lives. A document belongs
/// to the principal that opened it (the grain's key holds both); for anyone else it does not exist.
/// </summary>
internal sealed class DocumentsService(IGrainFactory grains, Requests requests, RpcHandler handler) : Documents.DocumentsBase
{
    public override Task Edit(IAsyncStreamReader<EditRequest> requestStream, IServerStreamWriter<DocumentUpdate> responseStream, ServerCallContext context) =>
        handler.RunAsync(nameof(Edit), context, async () =>
        {
            string principal = BearerKeys.PrincipalOf(context);
            await foreach (EditRequest request in requestStream.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                DocumentUpdate? update = await handler.AnalyzeAsync(nameof(Edit), context, ct => ApplyAsync(principal, request, ct)).ConfigureAwait(false);
                if (update is not null)
                {
                    await responseStream.WriteAsync(update, context.CancellationToken).ConfigureAwait(false);
                }
            }
        });

    /// <summary>
    /// One message of a session answered on its own (the JSON route, for clients that cannot hold a
    /// bidirectional stream); a close answers with an update holding only the document's id.
    /// </summary>
    public Task<DocumentUpdate> EditOne(EditRequest request, ServerCallContext context) =>
        handler.RunAsync(nameof(Edit), context, async () =>
        {
            string principal = BearerKeys.PrincipalOf(context);
            DocumentUpdate? update = await handler.AnalyzeAsync(nameof(Edit), context, ct => ApplyAsync(principal, request, ct)).ConfigureAwait(false);
            return update ?? new DocumentUpdate { DocumentId = request.Close.DocumentId };
        });

    /// <summary>One message, sent to the document's grain wherever in the cluster it lives; its refusal comes back as the status it names.</summary>
    private async Task<DocumentUpdate?> ApplyAsync(string principal, EditRequest request, CancellationToken ct)
    {
        string id = request.RequestCase switch
        {
            EditRequest.RequestOneofCase.Open => request.Open.DocumentId,
            EditRequest.RequestOneofCase.Change => request.Change.DocumentId,
            EditRequest.RequestOneofCase.Close => request.Close.DocumentId,
            _ => throw new RpcException(new Status(StatusCode.InvalidArgument, "EditRequest holds none of open, change or close.")),
        };
        IDocumentGrain grain = grains.GetGrain<IDocumentGrain>(DocumentGrainKey.Of(principal, RequireId(id)));
        EditOutcome outcome;
        try
        {
            outcome = await grain.Edit(request.ToByteArray(), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException && !ct.IsCancellationRequested)
        {
            // The server holding the session is gone or unreachable: once the cluster has noticed,
            // another one continues it from its last accepted version.
            throw new RpcException(new Status(StatusCode.Unavailable, $"document '{id}': the server holding its session cannot be reached ({e.GetType().Name}); retry the same message."));
        }

        if (outcome.Code != 0)
        {
            throw new RpcException(new Status((StatusCode)outcome.Code, outcome.Detail ?? string.Empty));
        }

        return outcome.Update is null ? null : DocumentUpdate.Parser.ParseFrom(outcome.Update);
    }

    private string RequireId(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "document_id is empty."));
        }

        requests.ValidateId(id, "document_id");
        return id;
    }
}
