using Engine.Grpc.V1;
using Grpc.Core;

namespace Engine.Server.Tests;

/// <summary>Messages and round trips of a Documents.Edit stream, for the tests of editing sessions.</summary>
internal static class EditCalls
{
    public static EditRequest Change(string id, long version, params TextEdit[] edits)
    {
        var change = new ChangeDocument { DocumentId = id, BaseVersion = version };
        change.Edits.AddRange(edits);
        return new EditRequest { Change = change };
    }

    /// <summary>Sends <paramref name="request"/> and returns its update.</summary>
    public static async Task<DocumentUpdate> SendAsync(AsyncDuplexStreamingCall<EditRequest, DocumentUpdate> call, EditRequest request)
    {
        await call.RequestStream.WriteAsync(request);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return call.ResponseStream.Current;
    }

    /// <summary>Sends <paramref name="request"/> and returns the error that ends the stream.</summary>
    public static async Task<RpcException> RejectedAsync(AsyncDuplexStreamingCall<EditRequest, DocumentUpdate> call, EditRequest request)
    {
        await call.RequestStream.WriteAsync(request);
        return await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
    }
}
