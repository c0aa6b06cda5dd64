using System.Diagnostics;
using Engine.Grpc.V1;
using Engine.Incremental;
using Engine.Server.Internal;
using Engine.Summarization;
using Engine.Text;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Options;
using EditStats = Engine.Grpc.V1.EditStats;

namespace Engine.Server.Cluster;

/// <summary>
/// An editing session in the cluster. Its silo's <see cref="DocumentStore"/> holds the live session
/// (and keeps the memory, count and idle limits); grain storage holds each accepted version's text,
/// options and number, written before the version is answered. An activation that finds a stored
/// document its silo does not hold (the silo that held it is gone) analyses it once again and
/// continues at the same version; one whose own document left the store (evicted, or idle) forgets
/// it, so eviction keeps its meaning. A session is placed on the server that opened it (the one
/// its client is connected to), so a client's changes on the same connection stay on one machine;
/// any other server reaches it through the cluster.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
internal sealed class DocumentGrain(
    [PersistentState("document", DocumentGrain.Storage)] IPersistentState<DocumentState> state,
    DocumentStore store,
    Requests requests,
    RpcHandler handler,
    IOptions<EngineServerOptions> options) : Grain, IDocumentGrain
{
    /// <summary>The grain storage the documents are written to.</summary>
    public const string Storage = "documents";

    private const string NarrowUpdate = "Ask for fewer sentences (max_sentences, ratio, max_words), leave explain off, or edit a shorter document.";

    /// <summary>The stored document this activation opened or restored (null: none yet).</summary>
    private StoredDocument? _held;

    private DocumentKey Key => DocumentGrainKey.Parse(this.GetPrimaryKeyString());

    /// <summary>
    /// Collected when idle (activations outlive the store's idle timeout): if the store has let the
    /// document go meanwhile (evicted or idle), its stored state goes too, so it neither comes back
    /// nor stays in storage. Deactivated for any other reason (its silo stopping, or the cluster
    /// losing the silo that kept its directory entry), it keeps the stored state for the activation
    /// that takes over, wherever that is, and lets go of the live session, which is no longer its.
    /// </summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        bool live = HoldsLive(Key);
        if (reason.ReasonCode == DeactivationReasonCode.ActivationIdle)
        {
            if (_held is not null && !live && state.State.Text is not null)
            {
                await state.ClearStateAsync(cancellationToken);
            }
        }
        else if (live)
        {
            store.Remove(Key, DocumentStore.HandedOver);
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<EditOutcome> Edit(byte[] request, CancellationToken cancellationToken)
    {
        try
        {
            EditRequest message = EditRequest.Parser.ParseFrom(request);
            DocumentUpdate? update = message.RequestCase switch
            {
                EditRequest.RequestOneofCase.Open => await OpenAsync(message.Open, cancellationToken),
                EditRequest.RequestOneofCase.Change => await ChangeAsync(message.Change, cancellationToken),
                EditRequest.RequestOneofCase.Close => await CloseAsync(),
                _ => throw new RpcException(new Status(StatusCode.InvalidArgument, "EditRequest holds none of open, change or close.")),
            };
            return new EditOutcome(0, null, update?.ToByteArray());
        }
        catch (RpcException e)
        {
            return new EditOutcome((int)e.StatusCode, e.Status.Detail, null);
        }
    }

    private async Task<DocumentUpdate> OpenAsync(OpenDocument open, CancellationToken ct)
    {
        DocumentKey key = Key;
        requests.ValidateText(open.Text);
        requests.ValidateTitle(open.Options is { HasTitle: true } o ? o.Title : null);

        // Refused before any analysis: a document open already (stored by an earlier activation:
        // open, whether or not this silo holds it live), or one too many for this principal.
        if ((_held is null && state.State.Text is not null) || await HeldAsync() is not null || state.State.Text is not null)
        {
            throw AlreadyOpen(key.Id);
        }

        if (store.CountOf(key.Principal) >= options.Value.MaxDocumentsPerPrincipal)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"{store.CountOf(key.Principal)} documents are open for this caller; the limit is {options.Value.MaxDocumentsPerPrincipal} (Engine:MaxDocumentsPerPrincipal). Close one first."));
        }

        long start = Stopwatch.GetTimestamp();
        StoredDocument document = Create(open.Text, 1, open.Options, ct);
        if (!store.TryAdd(key, document))
        {
            throw AlreadyOpen(key.Id);
        }

        _held = document;
        DocumentSession session = document.Session;
        DocumentState none = state.State;
        state.State = new DocumentState { Text = open.Text, Options = open.Options?.ToByteArray() ?? [], Version = session.Version };
        await StoreAsync(key, none);
        var stats = new Incremental.EditStats(0, session.Current.SentenceCount, 0, 0, 0, 0, 0, session.SectionCount);
        DocumentUpdate update = Update(key.Id, session.Version, session.Current, document, Wire.Stats(stats), start, edits: null);
        store.Resized(key, document);
        return update;
    }

    private async Task<DocumentUpdate> ChangeAsync(ChangeDocument change, CancellationToken ct)
    {
        DocumentKey key = Key;
        StoredDocument document = await HeldAsync(ct)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"document '{key.Id}' is not open (never opened, closed, or evicted); open it again."));
        DocumentUpdate? update = null;
        RpcException? refused = null;
        bool accepted = false;
        lock (document.Gate)
        {
            try
            {
                update = Change(key, document, change, ct, ref accepted);
            }
            catch (RpcException e) when (accepted)
            {
                refused = e; // accepted, but its update is too large to send: stored all the same
            }
        }

        DocumentState before = state.State;
        state.State = new DocumentState { Text = document.Session.Source.ToString(), Options = before.Options, Version = document.Session.Version };
        await StoreAsync(key, before);
        return refused is null ? update! : throw refused;
    }

    /// <summary>
    /// Writes the new version to storage before it is answered. A version that cannot be written is
    /// not accepted: the state goes back to <paramref name="before"/>, the live copy (already at the
    /// new version) goes, and so does this activation, so the next one continues from what storage
    /// holds; the client sends the same message again.
    /// </summary>
    private async Task StoreAsync(DocumentKey key, DocumentState before)
    {
        try
        {
            await state.WriteStateAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            long version = state.State.Version;
            state.State = before;
            if (HoldsLive(key))
            {
                store.Remove(key, DocumentStore.HandedOver);
            }

            _held = null;
            DeactivateOnIdle();
            throw new RpcException(new Status(StatusCode.Unavailable, $"document '{key.Id}': version {version} could not be stored ({e.GetType().Name}), so it was not accepted; send the same message again."));
        }
    }

    private async Task<DocumentUpdate?> CloseAsync()
    {
        DocumentKey key = Key;
        bool open = await HeldAsync() is not null;
        if (!open || !store.Remove(key))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"document '{key.Id}' is not open."));
        }

        _held = null;
        await state.ClearStateAsync();
        DeactivateOnIdle();
        return null;
    }

    /// <summary>
    /// The live document: the store's, a stored one analysed again when its silo was lost, or null
    /// (never opened, closed, or evicted: then its stored state is forgotten).
    /// </summary>
    private async Task<StoredDocument?> HeldAsync(CancellationToken ct = default)
    {
        DocumentKey key = Key;
        if (store.TryGet(key, out StoredDocument live))
        {
            if (_held is null ? state.State.Text is null || live.Session.Version == state.State.Version : ReferenceEquals(live, _held))
            {
                return _held = live;
            }

            if (_held is null)
            {
                // A live copy left behind on this silo by an earlier activation, older than the
                // stored version another silo has accepted since: storage decides.
                store.Remove(key, DocumentStore.HandedOver);
            }
        }

        if (_held is not null || state.State.Text is null)
        {
            // This activation's document left the store (evicted or idle), or there never was one.
            _held = null;
            if (state.State.Text is not null)
            {
                await state.ClearStateAsync(ct);
            }

            return null;
        }

        DocumentOptions? given = state.State.Options.Length == 0 ? null : DocumentOptions.Parser.ParseFrom(state.State.Options);
        StoredDocument restored = Create(state.State.Text, state.State.Version, given, ct);
        if (!store.TryAdd(key, restored))
        {
            restored.Session.Dispose();
            return store.TryGet(key, out live) ? _held = live : null;
        }

        store.Resized(key, restored);
        return _held = restored;
    }

    /// <summary>Whether the store still holds this activation's own live copy of the document.</summary>
    private bool HoldsLive(DocumentKey key) => _held is not null && store.TryGet(key, out StoredDocument live) && ReferenceEquals(live, _held);

    private static StoredDocument Create(string text, long version, DocumentOptions? given, CancellationToken ct)
    {
        var unit = Requests.Unit(given?.OffsetUnit ?? Grpc.V1.OffsetUnit.Unspecified);
        SummarizerOptions summarizerOptions = Requests.Summarizer(given);
        (DocumentParts parts, IReadOnlySet<string>? fields) = Requests.ReadMask(given?.ReadMask);
        bool deltas = Requests.Deltas(given?.UpdateMode ?? UpdateMode.Unspecified);
        DocumentSession session = version == 1
            ? DocumentSession.Open(text, summarizerOptions, parts, ct)
            : DocumentSession.Resume(text, version, summarizerOptions, parts, ct);
        return new StoredDocument(session, unit, fields, deltas);
    }

    /// <summary>Applies <paramref name="change"/>; <paramref name="accepted"/> turns true once the new version exists, even if its update then cannot be sent.</summary>
    private DocumentUpdate Change(DocumentKey key, StoredDocument document, ChangeDocument change, CancellationToken ct, ref bool accepted)
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

        accepted = true;

        // The span of the edits in the client's unit (its new end is known once the new text is mapped).
        var edits = change.Edits.Count == 0
            ? new OffsetShift(0, 0, 0, 0)
            : new OffsetShift(replacedStart, replacedEnd, replacedEnd, result.Result.SentenceCount - current.SentenceCount);
        DocumentUpdate update = Update(id, result.Version, result.Result, document, Wire.Stats(result.Stats), start, (edits, unitLength));
        store.Resized(key, document);
        return update;
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
        update = handler.Bounded("Edit", update, $"Document '{id}' is at version {version}. {NarrowUpdate}");
        document.Last = document.Deltas ? response : null;
        return update;
    }

    private static RpcException AlreadyOpen(string id) =>
        new(new Status(StatusCode.AlreadyExists, $"document '{id}' is already open; send change at its version or close it first."));
}
