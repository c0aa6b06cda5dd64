
namespace Engine.Server.Internal;

/// <summary>Structured log messages, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "{Method} {Id}: {Chars} chars, {Quotes} quotes, {Sentences} summary sentences in {ElapsedMs:F1} ms")]
    public static partial void Handled(ILogger logger, string method, string id, int chars, int quotes, int sentences, double elapsedMs);

    [LoggerMessage(2, LogLevel.Information, "{Method} rejected with {Status}: {Detail}")]
    public static partial void Rejected(ILogger logger, string method, string status, string detail);

    [LoggerMessage(3, LogLevel.Information, "{Method} cancelled by the client or its deadline")]
    public static partial void Cancelled(ILogger logger, string method);

    [LoggerMessage(4, LogLevel.Information, "Document {DocumentId} evicted ({Reason})")]
    public static partial void Evicted(ILogger logger, string documentId, string reason);

    [LoggerMessage(5, LogLevel.Error, "{Method} failed")]
    public static partial void Failed(ILogger logger, string method, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "{Method}: undecodable request ({Problem})")]
    public static partial void Undecodable(ILogger logger, string method, string problem);
}
