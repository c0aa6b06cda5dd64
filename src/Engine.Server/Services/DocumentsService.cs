using System.Diagnostics;
using Engine.Grpc.V1;
using Engine.Incremental;
using Engine.Server.Internal;
using Engine.Text;
using EditStats = Engine.Grpc.V1.EditStats;
using Grpc.Core;

namespace Engine.Server.Services;

/// <summary>The Documents service: editing sessions over the shared <see cref="DocumentStore"/>.</summary>
internal sealed class DocumentsService(DocumentStore store, Requests requests, RpcHandler handler) : Documents.DocumentsBase
{
    public override Task Edit(IAsyncStreamReader<EditRequest> requestStream, IServerStreamWriter<DocumentUpdate> responseStream, ServerCallContext context) =>
        handler.RunAsync(nameof(Edit), context, async () =>
        {
            await foreach (EditRequest request in requestStream.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                DocumentUpdate? update = request.RequestCase switch
                {
                    EditRequest.RequestOneofCase.Open => Open(request.Open),
                    EditRequest.RequestOneofCase.Change => Change(request.Change),
                    EditRequest.RequestOneofCase.Close => Close(request.Close),
                    _ => throw new RpcException(new Status(StatusCode.InvalidArgument, "EditRequest holds none of open, change or close.")),
                };
                if (update is not null)
                {
                    await responseStream.WriteAsync(update, context.CancellationToken).ConfigureAwait(false);
                }
            }
        });

    private DocumentUpdate Open(OpenDocument open)
    {
        string id = RequireId(open.DocumentId);
        requests.ValidateText(open.Text);
        var unit = Requests.Unit(open.Options?.OffsetUnit ?? Grpc.V1.OffsetUnit.Unspecified);
        long start = Stopwatch.GetTimestamp();
        var session = DocumentSession.Open(open.Text, Requests.Summarizer(open.Options));
        var document = new StoredDocument(session, unit, open.Options?.Explain ?? false);
        if (!store.TryAdd(id, document))
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"document '{id}' is already open; send change at its version or close it first."));
        }

        var stats = new EditStats { SentencesAnalyzed = session.Current.SentenceCount, SectionsAnalyzed = session.SectionCount };
        return Update(id, session.Version, session.Current, document, stats, start);
    }

    private DocumentUpdate Change(ChangeDocument change)
    {
        string id = RequireId(change.DocumentId);
        if (!store.TryGet(id, out StoredDocument document))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"document '{id}' is not open (never opened, closed, or evicted); open it again."));
        }

        long start = Stopwatch.GetTimestamp();
        DocumentResult current = document.Session.Current;
        if (change.BaseVersion != document.Session.Version)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"document '{id}' is at version {document.Session.Version}, not base_version {change.BaseVersion}."));
        }

        var changes = new List<TextChange>(change.Edits.Count);
        bool inserts = false; // only an edit that adds text can take the document over the size limit
        using (OffsetMap map = OffsetMap.For(current.Source, document.Unit))
        {
            foreach (TextEdit edit in change.Edits)
            {
                if (edit.Start > edit.End || Wire.FromUnit(map, edit.Start) is not { } s || Wire.FromUnit(map, edit.End) is not { } e)
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, $"edit [{edit.Start}, {edit.End}) is outside the text (length {map.UnitLength} in {document.Unit}), reversed, or splits a character."));
                }

                changes.Add(new TextChange(s, e, edit.NewText));
                inserts |= edit.NewText.Length > 0;
            }
        }

        EditResult result;
        try
        {
            result = document.Session.Apply(change.BaseVersion, changes, inserts ? text => requests.ValidateSize(text) : null);
        }
        catch (EditRejectedException e) when (e.Error == EditError.Closed)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"document '{id}' was closed or evicted while the edit waited; open it again."));
        }
        catch (EditRejectedException e) when (e.Error == EditError.StaleVersion)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"document '{id}': {e.Message}"));
        }
        catch (EditRejectedException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"document '{id}': {e.Message}"));
        }

        var stats = new EditStats
        {
            SentencesReused = result.Stats.SentencesReused,
            SentencesAnalyzed = result.Stats.SentencesAnalyzed,
            SummarySentencesAdded = result.Stats.SummarySentencesAdded,
            SummarySentencesRemoved = result.Stats.SummarySentencesRemoved,
            QuotesAdded = result.Stats.QuotesAdded,
            QuotesRemoved = result.Stats.QuotesRemoved,
            SectionsReused = result.Stats.SectionsReused,
            SectionsAnalyzed = result.Stats.SectionsAnalyzed,
        };
        return Update(id, result.Version, result.Result, document, stats, start);
    }

    private DocumentUpdate? Close(CloseDocument close)
    {
        string id = RequireId(close.DocumentId);
        if (!store.Remove(id))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"document '{id}' is not open."));
        }

        return null;
    }

    private static DocumentUpdate Update(string id, long version, DocumentResult result, StoredDocument document, EditStats stats, long start)
    {
        using OffsetMap map = OffsetMap.For(result.Source, document.Unit);
        SummarizeResponse response = Wire.Response(id, result.Summary, result.Quotes, result.SentenceCount, map, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return new DocumentUpdate { DocumentId = id, Version = version, Result = response, Stats = stats };
    }

    private static string RequireId(string id) =>
        string.IsNullOrWhiteSpace(id) ? throw new RpcException(new Status(StatusCode.InvalidArgument, "document_id is empty.")) : id;
}
