using System.Text.Json;
using V1 = Engine.Grpc.V1;

namespace Engine.Cli.Commands;

/// <summary>
/// A batch sent to servers: the request for each document, and its answer handed to the same JSON
/// writer (<see cref="JsonFields"/>) as what the commands compute here, so it gives the same lines.
/// </summary>
internal static class WireFields
{
    /// <summary>The request for <paramref name="doc"/>: the budget and options of the command line, only the fields it writes.</summary>
    public static V1.SummarizeRequest Request(InputDocument doc, SummaryOptions.Wire? summary, double? minConfidence)
    {
        var request = new V1.SummarizeRequest { Id = doc.Id, Text = doc.Text, ReadMask = new Google.Protobuf.WellKnownTypes.FieldMask() };
        if (doc.Title is not null)
        {
            request.Title = doc.Title;
        }

        if (summary is { } s)
        {
            s.ApplyTo(request);
            request.ReadMask.Paths.Add(["sentences", "stats", .. s.Explain ? ["all_sentences"] : Array.Empty<string>()]);
        }

        if (minConfidence is { } threshold)
        {
            request.MinConfidence = threshold;
            request.ReadMask.Paths.Add(["quotes", "diagnostics"]);
        }

        return request;
    }

    /// <summary>As <see cref="SummarizeCommand.WriteSummary"/>.</summary>
    public static void WriteSummary(Utf8JsonWriter json, V1.SummarizeResponse response, bool explain)
    {
        static JsonFields.Sentence Fields(V1.Sentence s)
        {
            V1.SentenceFeatures f = s.Features ?? new V1.SentenceFeatures();
            return new(s.Index, s.Start, s.End, s.Text, s.Score, f.Centrality, f.Position, f.TitleOverlap, f.Length, f.Redundancy, f.ParagraphStart);
        }

        JsonFields.WriteSummary(json, response.Sentences.Select(Fields), explain ? response.AllSentences.Select(Fields) : null, response.Stats.DocumentWords, response.Stats.SummaryWords);
    }

    /// <summary>As <see cref="QuotesCommand.WriteQuotes"/>.</summary>
    public static void WriteQuotes(Utf8JsonWriter json, V1.SummarizeResponse response) => JsonFields.WriteQuotes(
        json,
        response.Quotes.Select(q => new JsonFields.Quote(
            q.Kind switch
            {
                V1.QuoteKind.Direct => "direct",
                V1.QuoteKind.Indirect => "indirect",
                V1.QuoteKind.Mixed => "mixed",
                _ => "unspecified",
            },
            q.Content, q.Speaker, q.SpeakerName, q.SpeakerCanonical, q.Cue,
            q.ContentStart, q.ContentEnd, q.SpeakerStart, q.SpeakerEnd, q.CueStart, q.CueEnd, q.Confidence)),
        response.Diagnostics.Select(d => new JsonFields.Diagnostic(d.Code, d.Message, d.Start, d.End)));
}
