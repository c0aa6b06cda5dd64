using System.Text.Json;
using V1 = Engine.Grpc.V1;

namespace Engine.Cli.Commands;

/// <summary>
/// A server's answer written as the commands write what they compute here, field for field (the same
/// names, rounding and −1 for an empty span), so a batch sent to servers gives the same lines.
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
        json.WriteStartArray("sentences");
        foreach (V1.Sentence sentence in response.Sentences)
        {
            WriteSentence(json, sentence);
        }

        json.WriteEndArray();
        if (explain)
        {
            json.WriteStartArray("all_sentences");
            foreach (V1.Sentence sentence in response.AllSentences)
            {
                WriteSentence(json, sentence);
            }

            json.WriteEndArray();
        }

        json.WriteStartObject("stats");
        json.WriteNumber("document_words", response.Stats.DocumentWords);
        json.WriteNumber("summary_words", response.Stats.SummaryWords);
        json.WriteEndObject();
    }

    /// <summary>As <see cref="QuotesCommand.WriteQuotes"/>.</summary>
    public static void WriteQuotes(Utf8JsonWriter json, V1.SummarizeResponse response)
    {
        json.WriteStartArray("quotes");
        foreach (V1.Quote q in response.Quotes)
        {
            json.WriteStartObject();
            json.WriteString("kind", q.Kind switch
            {
                V1.QuoteKind.Direct => "direct",
                V1.QuoteKind.Indirect => "indirect",
                V1.QuoteKind.Mixed => "mixed",
                _ => "unspecified",
            });
            json.WriteString("content", q.Content);
            json.WriteString("speaker", q.Speaker);
            json.WriteString("speaker_name", q.SpeakerName);
            json.WriteString("speaker_canonical", q.SpeakerCanonical);
            json.WriteString("cue", q.Cue);
            WriteSpan(json, "content_", q.ContentStart, q.ContentEnd);
            WriteSpan(json, "speaker_", q.SpeakerStart, q.SpeakerEnd);
            WriteSpan(json, "cue_", q.CueStart, q.CueEnd);
            json.WriteNumber("confidence", Math.Round(q.Confidence, 3));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("diagnostics");
        foreach (V1.Diagnostic d in response.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("code", d.Code);
            json.WriteString("message", d.Message);
            WriteSpan(json, string.Empty, d.Start, d.End);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteSentence(Utf8JsonWriter json, V1.Sentence s)
    {
        json.WriteStartObject();
        json.WriteNumber("index", s.Index);
        json.WriteNumber("start", s.Start);
        json.WriteNumber("end", s.End);
        json.WriteString("text", s.Text);
        json.WriteNumber("score", Math.Round(s.Score, 6));
        json.WriteStartObject("features");
        V1.SentenceFeatures f = s.Features ?? new V1.SentenceFeatures();
        json.WriteNumber("centrality", Math.Round(f.Centrality, 6));
        json.WriteNumber("position", Math.Round(f.Position, 6));
        json.WriteNumber("title_overlap", Math.Round(f.TitleOverlap, 6));
        json.WriteNumber("length", Math.Round(f.Length, 6));
        json.WriteNumber("redundancy", Math.Round(f.Redundancy, 6));
        json.WriteNumber("paragraph_start", f.ParagraphStart);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>A span as the commands write one: −1 for both ends when it is empty.</summary>
    private static void WriteSpan(Utf8JsonWriter json, string prefix, long start, long end)
    {
        bool empty = start == end;
        json.WriteNumber(prefix + "start", empty ? -1 : start);
        json.WriteNumber(prefix + "end", empty ? -1 : end);
    }
}
