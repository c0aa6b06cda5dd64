using System.Text;
using SourceText = Engine.Text.SourceText;
using Engine.Grpc.V1;
using Engine.Incremental;
using Engine.Summarization;
using Grpc.Core;
using Microsoft.Extensions.Options;
using CoreOffsetUnit = Engine.Text.OffsetUnit;

namespace Engine.Server.Internal;

/// <summary>Validates requests and turns them into core options; every rejection names the problem.</summary>
internal sealed class Requests(IOptions<EngineServerOptions> options)
{
    private readonly EngineServerOptions _options = options.Value;

    /// <summary>Checks the text of a request: present, not blank, within the size limit.</summary>
    public void ValidateText(string text, string field = "text")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field} is empty: there is nothing to analyse."));
        }

        ValidateSize(text, field);
    }

    /// <summary>Checks an identifier's size (<see cref="EngineServerOptions.MaxIdBytes"/>).</summary>
    public void ValidateId(string id, string field)
    {
        int bytes = Encoding.UTF8.GetByteCount(id);
        if (bytes > _options.MaxIdBytes)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field} is {bytes} bytes; the limit is {_options.MaxIdBytes} bytes (Engine:MaxIdBytes)."));
        }
    }

    /// <summary>Checks a title's size (<see cref="EngineServerOptions.MaxTitleBytes"/>).</summary>
    public void ValidateTitle(string? title)
    {
        int bytes = title is null ? 0 : Encoding.UTF8.GetByteCount(title);
        if (bytes > _options.MaxTitleBytes)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"title is {bytes} bytes; the limit is {_options.MaxTitleBytes} bytes (Engine:MaxTitleBytes)."));
        }
    }

    /// <summary>Checks everything of a SummarizeRequest but its budget and options: text, id and title.</summary>
    public void Validate(SummarizeRequest request)
    {
        ValidateId(request.Id, "id");
        ValidateTitle(request.HasTitle ? request.Title : null);
        ValidateText(request.Text);
    }

    /// <summary>The most diagnostics in one response.</summary>
    public int MaxDiagnostics => _options.MaxDiagnostics;

    /// <summary>Checks only the size limit.</summary>
    public void ValidateSize(string text, string field = "text")
    {
        int bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > _options.MaxTextBytes)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"{field} is {bytes} bytes; the limit is {_options.MaxTextBytes} bytes (Engine:MaxTextBytes)."));
        }
    }

    /// <summary>Checks the size limit of a document version, counting its chunks without joining them.</summary>
    public void ValidateSize(SourceText text)
    {
        Encoder encoder = Encoding.UTF8.GetEncoder(); // keeps a surrogate pair split across chunks whole
        long bytes = 0;
        IReadOnlyList<string> chunks = text.Chunks;
        for (int i = 0; i < chunks.Count; i++)
        {
            bytes += encoder.GetByteCount(chunks[i], flush: i == chunks.Count - 1);
        }

        if (bytes > _options.MaxTextBytes)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"text is {bytes} bytes; the limit is {_options.MaxTextBytes} bytes (Engine:MaxTextBytes)."));
        }
    }

    /// <summary>The summarizer options of a request.</summary>
    public static SummarizerOptions Summarizer(SummarizeRequest request) => Summarizer(
        request.BudgetCase switch
        {
            SummarizeRequest.BudgetOneofCase.MaxSentences => (request.MaxSentences, null, null),
            SummarizeRequest.BudgetOneofCase.Ratio => (null, request.Ratio, null),
            SummarizeRequest.BudgetOneofCase.MaxWords => (null, null, request.MaxWords),
            _ => (null, null, null),
        },
        request.Algorithm,
        request.HasTitle ? request.Title : null,
        request.Explain);

    /// <summary>The minimum quote confidence of a request, checked to be in [0, 1].</summary>
    public static double MinConfidence(SummarizeRequest request) =>
        request.MinConfidence is >= 0 and <= 1
            ? request.MinConfidence
            : throw new RpcException(new Status(StatusCode.InvalidArgument, $"min_confidence must be between 0 and 1 (got {request.MinConfidence})."));

    /// <summary>The summarizer options of an editing session.</summary>
    public static SummarizerOptions Summarizer(DocumentOptions? options) => options is null ? new SummarizerOptions() : Summarizer(
        options.BudgetCase switch
        {
            DocumentOptions.BudgetOneofCase.MaxSentences => (options.MaxSentences, null, null),
            DocumentOptions.BudgetOneofCase.Ratio => (null, options.Ratio, null),
            DocumentOptions.BudgetOneofCase.MaxWords => (null, null, options.MaxWords),
            _ => (null, null, null),
        },
        options.Algorithm,
        options.HasTitle ? options.Title : null,
        options.Explain);

    /// <summary>The options both messages carry, the same way.</summary>
    private static SummarizerOptions Summarizer((int? Sentences, double? Ratio, int? Words) budget, Algorithm algorithm, string? title, bool explain) => new()
    {
        Budget = Budget(budget),
        Algorithm = AlgorithmOf(algorithm),
        Title = string.IsNullOrWhiteSpace(title) ? null : title,
        Explain = explain,
    };

    /// <summary>The response fields a read mask names, and the analyses they need (AIP-157); null fields: every one.</summary>
    public static (DocumentParts Parts, IReadOnlySet<string>? Fields) ReadMask(Google.Protobuf.WellKnownTypes.FieldMask? mask)
    {
        if (mask is null || mask.Paths.Count == 0)
        {
            return (DocumentParts.All, null);
        }

        var fields = new HashSet<string>(StringComparer.Ordinal);
        DocumentParts parts = DocumentParts.None;
        foreach (string path in mask.Paths)
        {
            parts |= path switch
            {
                "sentences" or "all_sentences" => DocumentParts.Summary,
                "quotes" or "diagnostics" => DocumentParts.Quotes,
                "keyphrases" => DocumentParts.Keyphrases,
                "stats" or "id" => DocumentParts.None,
                _ => throw new RpcException(new Status(StatusCode.InvalidArgument,
                    $"read_mask path '{path}' is not a field of SummarizeResponse (sentences, all_sentences, quotes, diagnostics, keyphrases, stats, id).")),
            };
            fields.Add(path);
        }

        return (parts, fields);
    }

    /// <summary>The core algorithm of a wire algorithm.</summary>
    private static SummaryAlgorithm AlgorithmOf(Algorithm algorithm) => algorithm switch
    {
        Algorithm.Lead => SummaryAlgorithm.Lead,
        Algorithm.Textrank => SummaryAlgorithm.TextRank,
        Algorithm.Lexrank => SummaryAlgorithm.LexRank,
        Algorithm.Unspecified or Algorithm.Engine => SummaryAlgorithm.Engine,
        _ => throw new RpcException(new Status(StatusCode.InvalidArgument, $"algorithm {(int)algorithm} is unknown.")),
    };

    /// <summary>Whether a session answers changes with deltas.</summary>
    public static bool Deltas(UpdateMode mode) => mode switch
    {
        UpdateMode.Unspecified or UpdateMode.Full => false,
        UpdateMode.Delta => true,
        _ => throw new RpcException(new Status(StatusCode.InvalidArgument, $"update_mode {(int)mode} is unknown.")),
    };

    /// <summary>The core offset unit of a wire unit.</summary>
    public static CoreOffsetUnit Unit(OffsetUnit unit) => unit switch
    {
        OffsetUnit.Unspecified or OffsetUnit.Utf16 => CoreOffsetUnit.Utf16,
        OffsetUnit.CodePoint => CoreOffsetUnit.CodePoint,
        OffsetUnit.Utf8 => CoreOffsetUnit.Utf8,
        _ => throw new RpcException(new Status(StatusCode.InvalidArgument, $"offset_unit {(int)unit} is unknown.")),
    };

    private static SummaryBudget Budget((int? Sentences, double? Ratio, int? Words) budget)
    {
        try
        {
            return budget.Sentences is { } sentences ? SummaryBudget.Sentences(sentences)
                : budget.Ratio is { } ratio ? SummaryBudget.Ratio(ratio)
                : budget.Words is { } words ? SummaryBudget.Words(words)
                : SummaryBudget.Default;
        }
        catch (EngineException e)
        {
            throw Problems.ToRpc(e);
        }
    }
}
