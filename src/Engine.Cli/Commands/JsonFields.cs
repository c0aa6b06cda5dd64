using System.Text.Json;

namespace Engine.Cli.Commands;

/// <summary>
/// The JSON the commands write for summaries and quotes, field by field, whichever side computed
/// them (the engine here, or a server with <c>--server</c>): the proto's field names, scores rounded
/// to 6 places and confidence to 3, −1 for both ends of an empty span. One writer, so a batch sent
/// to servers gives the same bytes as one analysed here.
/// </summary>
internal static class JsonFields
{
    /// <summary>
    /// A summary as the proto's SummarizeResponse maps to JSON: <c>sentences</c>,
    /// <c>all_sentences</c> when given (explaining), and <c>stats</c> (document and summary words).
    /// </summary>
    public static void WriteSummary(Utf8JsonWriter json, IEnumerable<Sentence> sentences, IEnumerable<Sentence>? all, int documentWords, int summaryWords)
    {
        WriteArray(json, "sentences", sentences, WriteSentence);
        if (all is not null)
        {
            WriteArray(json, "all_sentences", all, WriteSentence);
        }

        json.WriteStartObject("stats");
        json.WriteNumber("document_words", documentWords);
        json.WriteNumber("summary_words", summaryWords);
        json.WriteEndObject();
    }

    /// <summary>The quotes and the diagnostics, as <c>quotes</c> and <c>diagnostics</c>.</summary>
    public static void WriteQuotes(Utf8JsonWriter json, IEnumerable<Quote> quotes, IEnumerable<Diagnostic> diagnostics)
    {
        WriteArray(json, "quotes", quotes, WriteQuote);
        WriteArray(json, "diagnostics", diagnostics, WriteDiagnostic);
    }

    private static void WriteArray<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        json.WriteStartArray(name);
        foreach (T item in items)
        {
            write(json, item);
        }

        json.WriteEndArray();
    }

    private static void WriteSentence(Utf8JsonWriter json, Sentence s)
    {
        json.WriteStartObject();
        json.WriteNumber("index", s.Index);
        json.WriteNumber("start", s.Start);
        json.WriteNumber("end", s.End);
        json.WriteString("text", s.Text);
        json.WriteNumber("score", Math.Round(s.Score, 6));
        json.WriteStartObject("features");
        json.WriteNumber("centrality", Math.Round(s.Centrality, 6));
        json.WriteNumber("position", Math.Round(s.Position, 6));
        json.WriteNumber("title_overlap", Math.Round(s.TitleOverlap, 6));
        json.WriteNumber("length", Math.Round(s.Length, 6));
        json.WriteNumber("redundancy", Math.Round(s.Redundancy, 6));
        json.WriteNumber("paragraph_start", s.ParagraphStart);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteQuote(Utf8JsonWriter json, Quote q)
    {
        json.WriteStartObject();
        json.WriteString("kind", q.Kind);
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

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic d)
    {
        json.WriteStartObject();
        json.WriteString("code", d.Code);
        json.WriteString("message", d.Message);
        WriteSpan(json, string.Empty, d.Start, d.End);
        json.WriteEndObject();
    }

    /// <summary>A span as the proto names it: <c>{prefix}start</c> and <c>{prefix}end</c> (UTF-16, end exclusive), −1 for both when it is empty.</summary>
    private static void WriteSpan(Utf8JsonWriter json, string prefix, long start, long end)
    {
        bool empty = start < 0 || end <= start;
        json.WriteNumber(prefix + "start", empty ? -1 : start);
        json.WriteNumber(prefix + "end", empty ? -1 : end);
    }

    /// <summary>A summary sentence's fields.</summary>
    public readonly record struct Sentence(
        int Index, long Start, long End, string Text, double Score, double Centrality, double Position, double TitleOverlap, double Length, double Redundancy, double ParagraphStart);

    /// <summary>A quote's fields (<see cref="Kind"/> in lower case: direct, indirect, mixed).</summary>
    public readonly record struct Quote(
        string Kind, string Content, string Speaker, string SpeakerName, string SpeakerCanonical, string Cue,
        long ContentStart, long ContentEnd, long SpeakerStart, long SpeakerEnd, long CueStart, long CueEnd, double Confidence);

    /// <summary>A diagnostic's fields.</summary>
    public readonly record struct Diagnostic(string Code, string Message, long Start, long End);
}
