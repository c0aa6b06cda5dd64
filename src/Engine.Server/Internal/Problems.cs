using System.Globalization;
using Grpc.Core;

namespace Engine.Server.Internal;

/// <summary>The one place the core's <see cref="Problem"/>s become gRPC statuses, named in the proto's terms.</summary>
internal static class Problems
{
    /// <summary>
    /// The status for <paramref name="e"/>; <paramref name="document"/> names the document an edit was
    /// for,.
    /// </summary>
    public static RpcException ToRpc(EngineException e, string? document = null)
    {
        IReadOnlyList<double> v = e.Values;
        string V(int i) => i < v.Count ? v[i].ToString(CultureInfo.InvariantCulture) : "?";
        string on = document is null ? string.Empty : $"document '{document}': ";
        (StatusCode code, string message) = e.Problem switch
        {
            Problem.SentenceBudgetTooSmall => (StatusCode.InvalidArgument, $"max_sentences must be at least 1 (got {V(0)})."),
            Problem.RatioOutOfRange => (StatusCode.InvalidArgument, $"ratio must be greater than 0 and at most 1 (got {V(0)})."),
            Problem.WordBudgetTooSmall => (StatusCode.InvalidArgument, $"max_words must be at least 1 (got {V(0)})."),
            Problem.ChangeOutsideText => (StatusCode.InvalidArgument, $"{on}edit [{V(0)}, {V(1)}) is outside the text (length {V(2)}) or reversed."),
            Problem.ChangesOverlap => (StatusCode.InvalidArgument, $"{on}edit [{V(0)}, {V(1)}) overlaps another edit."),
            Problem.ChangeWithoutText => (StatusCode.InvalidArgument, $"{on}edit [{V(0)}, {V(1)}) has no new_text."),
            Problem.StaleVersion => (StatusCode.FailedPrecondition, $"{on}base_version {V(0)} is not the current version {V(1)}."),
            Problem.DocumentClosed => (StatusCode.NotFound, $"{on}the document was closed or evicted while the edit waited; open it again."),
            _ => (StatusCode.InvalidArgument, on + e.Message),
        };
        return new RpcException(new Status(code, message));
    }
}
