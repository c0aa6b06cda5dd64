using System.Diagnostics;
using Engine.Grpc.V1;
using Engine.Incremental;
using Engine.Server.Internal;
using Engine.Summarization;
using Engine.Text;
using EditStats = Engine.Grpc.V1.EditStats;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Engine.Server.Services;

/// <summary>
/// The Documents service: editing sessions over the shared <see cref="DocumentStore"/>. A document
/// belongs to the principal that opened it; for anyone else it does not exist.
/// </summary>
internal sealed class DocumentsService(DocumentStore store, Requests requests, RpcHandler handler, IOptions<EngineServerOptions> options) : Documents.DocumentsBase
{
    private const string NarrowUpdate = "Ask for fewer sentences (max_sentences, ratio, max_words), leave explain off, or edit a shorter document.";

    public override Task Edit(IAsyncStreamReader<EditRequest> requestStream, IServerStreamWriter<DocumentUpdate> responseStream, ServerCallContext context) =>
        handler.RunAsync(nameof(Edit), context, async () =>
        {
            string principal = BearerKeys.PrincipalOf(context);
            await foreach (EditRequest request in requestStream.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                DocumentUpdate? update = await handler.AnalyzeAsync(nameof(Edit), context, ct => Apply(principal, request, ct)).ConfigureAwait(false);
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
            DocumentUpdate? update = await handler.AnalyzeAsync(nameof(Edit), context, ct => Apply(principal, request, ct)).ConfigureAwait(false);
            return update ?? new DocumentUpdate { DocumentId = request.Close.DocumentId };
        });

    private DocumentUpdate? Apply(string principal, EditRequest request, CancellationToken ct) => request.RequestCase switch
    {
        EditRequest.RequestOneofCase.Open => Open(principal, request.Open, ct),
        EditRequest.RequestOneofCase.Change => Change(principal, request.Change, ct),
        EditRequest.RequestOneofCase.Close => Close(principal, request.Close),
        _ => throw new RpcException(new Status(StatusCode.InvalidArgument, "EditRequest holds none of open, change or close.")),
    };

    private DocumentUpdate Open(string principal, OpenDocument open, CancellationToken ct)
    {
        var key = new DocumentKey(principal, RequireId(open.DocumentId));
        string id = key.Id;
        requests.ValidateText(open.Text);
        requests.ValidateTitle(open.Options is { HasTitle: true } o ? o.Title : null);
        var unit = Requests.Unit(open.Options?.OffsetUnit ?? Grpc.V1.OffsetUnit.Unspecified);
        SummarizerOptions summarizerOptions = Requests.Summarizer(open.Options);
        (DocumentParts parts, IReadOnlySet<string>? fields) = Requests.ReadMask(open.Options?.ReadMask);
        bool deltas = Requests.Deltas(open.Options?.UpdateMode ?? UpdateMode.Unspecified);

        // Refused before any analysis: a duplicate, or one document too many for this principal.
        if (store.Contains(key))
        {
            throw AlreadyOpen(id);
        }

        if (store.CountOf(principal) >= options.Value.MaxDocumentsPerPrincipal)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"{store.CountOf(principal)} documents are open for this caller; the limit is {options.Value.MaxDocumentsPerPrincipal} (Engine:MaxDocumentsPerPrincipal). Close one first."));
        }

        long start = Stopwatch.GetTimestamp();
        var session = DocumentSession.Open(open.Text, summarizerOptions, parts, ct);
        var document = new StoredDocument(session, unit, fields, deltas);
        if (!store.TryAdd(key, document))
        {
            throw AlreadyOpen(id);
        }

        var stats = new Incremental.EditStats(0, session.Current.SentenceCount, 0, 0, 0, 0, 0, session.SectionCount);
        DocumentUpdate update = Update(id, session.Version, session.Current, document, Wire.Stats(stats), start, edits: null);
        store.Resized(key, document);
        return update;
    }

    private DocumentUpdate Change(string principal, ChangeDocument change, CancellationToken ct)
    {
        var key = new DocumentKey(principal, RequireId(change.DocumentId));
        string id = key.Id;
        if (!store.TryGet(key, out StoredDocument document))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"document '{id}' is not open (never opened, closed, or evicted); open it again."));
        }

        // One change of a document at a time, answer included: a delta is against the version just before it.
        lock (document.Gate)
        {
            return Change(key, document, change, ct);
        }
    }

    private DocumentUpdate Change(DocumentKey key, StoredDocument document, ChangeDocument change, CancellationToken ct)
    {
        string id = key.Id;
        long start = Stopwatch.GetTimestamp();
        DocumentResult current = document.Session.Current;
        if (change.BaseVersion != document.Session.Version)
        {
            throw Problems.ToRpc(new EngineException(Problem.StaleVersion, change.BaseVersion, document.Session.Version), id);
        }

        var changes = new List<TextChange>(change.Edits.Count);
        bool inserts = false; // only an edit that adds text can take the document over the size limit
        long replacedStart = long.MaxValue, replacedEnd = 0, unitLength;
        using (OffsetMap map = OffsetMap.For(current.Source, document.Unit))
        {
            unitLength = map.UnitLength;
            foreach (TextEdit edit in change.Edits)
            {
                if (edit.Start > edit.End || Wire.FromUnit(map, edit.Start) is not { } s || Wire.FromUnit(map, edit.End) is not { } e)
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, $"edit [{edit.Start}, {edit.End}) is outside the text (length {map.UnitLength} in {document.Unit}), reversed, or splits a character."));
                }

                changes.Add(new TextChange(s, e, edit.NewText));
                inserts |= edit.NewText.Length > 0;
                (replacedStart, replacedEnd) = (Math.Min(replacedStart, edit.Start), Math.Max(replacedEnd, edit.End));
            }
        }

        EditResult result;
        try
        {
            result = document.Session.Apply(change.BaseVersion, changes, inserts ? text => requests.ValidateSize(text) : null, ct);
        }
        catch (EngineException e)
        {
            throw Problems.ToRpc(e, id);
        }

        // The span of the edits in the client's unit (its new end is known once the new text is mapped).
        var edits = change.Edits.Count == 0
            ? new OffsetShift(0, 0, 0, 0)
            : new OffsetShift(replacedStart, replacedEnd, replacedEnd, result.Result.SentenceCount - current.SentenceCount);
        DocumentUpdate update = Update(id, result.Version, result.Result, document, Wire.Stats(result.Stats), start, (edits, unitLength));
        store.Resized(key, document);
        return update;
    }

    private DocumentUpdate? Close(string principal, CloseDocument close)
    {
        string id = RequireId(close.DocumentId);
        if (!store.Remove(new DocumentKey(principal, id)))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"document '{id}' is not open."));
        }

        return null;
    }

    /// <summary>
    /// The answer for a new version: its whole result, or (a change in delta mode, when the client
    /// holds the last result) how it differs from that. <paramref name="edits"/>: the span the
    /// change replaced and the old text's length, both in the client's unit.
    /// </summary>
    private DocumentUpdate Update(string id, long version, DocumentResult result, StoredDocument document, EditStats stats, long start, (OffsetShift Span, long OldLength)? edits)
    {
        using OffsetMap map = OffsetMap.For(result.Source, document.Unit);
        SummarizeResponse response = Wire.Response(id, result, 0, map, Stopwatch.GetElapsedTime(start).TotalMilliseconds, requests.MaxDiagnostics, document.Fields);
        var update = new DocumentUpdate { DocumentId = id, Version = version, Stats = stats };
        SummarizeResponse? last = document.Last;
        document.Last = null;
        if (document.Deltas && edits is var (span, oldLength) && last is not null)
        {
            update.Delta = Deltas.Between(last, response, span with { NewEnd = span.OldEnd + map.UnitLength - oldLength });
        }
        else
        {
            update.Result = response;
        }

        // The version is accepted either way: say which, so that a client refused the update can
        // reopen or carry on from it. A delta client that was refused one holds no result the next
        // delta could apply to, so the next change is answered with the whole result again.
        update = handler.Bounded(nameof(Edit), update, $"Document '{id}' is at version {version}. {NarrowUpdate}");
        document.Last = document.Deltas ? response : null;
        return update;
    }

    private static RpcException AlreadyOpen(string id) =>
        new(new Status(StatusCode.AlreadyExists, $"document '{id}' is already open; send change at its version or close it first."));

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
