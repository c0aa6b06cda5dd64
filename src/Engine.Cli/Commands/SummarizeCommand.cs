using System.CommandLine;
using System.Text.Json;
using Engine.Summarization;

namespace Engine.Cli.Commands;

/// <summary>
/// <c>engine summarize [FILE|-] [budget] [--algorithm A] [--explain] [--format text|json]</c>, and
/// <c>engine summarize --jsonl IN.jsonl [--out OUT.jsonl]</c> for batches.
/// </summary>
internal static class SummarizeCommand
{
    public static Command Create(CliIO io)
    {
        var file = CommonOptions.File();
        var format = CommonOptions.Format();
        var summary = new SummaryOptions();
        var jsonl = CommonOptions.Jsonl();
        var output = CommonOptions.Out();
        var title = new Option<string?>("--title") { Description = "The document's title (used as a feature, never returned)." };
        var command = new Command("summarize", "Pick the sentences that summarize a text, verbatim and in document order.") { file, format, jsonl, output, title };
        foreach (Option o in summary.All)
        {
            command.Options.Add(o);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!CommonOptions.InputAgrees(parse, file, jsonl, output, format, io.Error))
            {
                return EngineCli.InputError;
            }

            SummarizerOptions? options = summary.Bind(parse, io.Error);
            if (options is null)
            {
                return EngineCli.InputError;
            }

            if (parse.GetValue(jsonl) is { } batch)
            {
                return await io.RunBatchAsync(batch, parse.GetValue(output), (doc, json) =>
                {
                    Summary s = Summarizer.Summarize(doc.Text, options with { Title = doc.Title ?? options.Title });
                    json.WriteStartObject();
                    json.WriteString("id", doc.Id);
                    WriteSummary(json, s, options.Explain);
                    json.WriteEndObject();
                }, cancellationToken).ConfigureAwait(false);
            }

            string? text = io.ReadInput(parse.GetValue(file));
            if (text is null)
            {
                return EngineCli.InputError;
            }

            Summary result = Summarizer.Summarize(text, options with { Title = parse.GetValue(title) });
            if (parse.GetValue(format) == "json")
            {
                io.WriteJson(json =>
                {
                    json.WriteStartObject();
                    WriteSummary(json, result, options.Explain);
                    json.WriteEndObject();
                });
            }
            else
            {
                foreach (string sentence in result.SentenceTexts)
                {
                    io.Out.WriteLine(sentence);
                }

                if (options.Explain)
                {
                    io.Out.WriteLine();
                    io.Out.WriteLine("index\tchosen\tscore\tcentrality\tposition\ttitle\tlength\tredundancy\tparagraph_start");
                    foreach (ScoredSentence s in result.AllSentences)
                    {
                        bool chosen = result.Sentences.Any(c => c.Index == s.Index);
                        SentenceFeatures f = s.Features;
                        io.Out.WriteLine(FormattableString.Invariant($"{s.Index}\t{(chosen ? "*" : "")}\t{s.Score:F4}\t{f.Centrality:F4}\t{f.Position:F4}\t{f.TitleOverlap:F4}\t{f.Length:F4}\t{f.Redundancy:F4}\t{f.ParagraphStart:F0}"));
                    }
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// A summary as the proto's SummarizeResponse maps to JSON (field names as in the proto):
    /// <c>sentences</c> (each with index, start, end, text, score and features),
    /// <c>all_sentences</c> when explaining, and <c>stats</c> (document and summary words).
    /// </summary>
    internal static void WriteSummary(Utf8JsonWriter json, Summary s, bool explain)
    {
        json.WriteStartArray("sentences");
        foreach (ScoredSentence sentence in s.Sentences)
        {
            WriteScored(json, s, sentence);
        }

        json.WriteEndArray();
        if (explain)
        {
            json.WriteStartArray("all_sentences");
            foreach (ScoredSentence sentence in s.AllSentences)
            {
                WriteScored(json, s, sentence);
            }

            json.WriteEndArray();
        }

        json.WriteStartObject("stats");
        json.WriteNumber("document_words", s.DocumentWords);
        json.WriteNumber("summary_words", s.SummaryWords);
        json.WriteEndObject();
    }

    private static void WriteScored(Utf8JsonWriter json, Summary summary, ScoredSentence s)
    {
        json.WriteStartObject();
        json.WriteNumber("index", s.Index);
        json.WriteNumber("start", s.Start);
        json.WriteNumber("end", s.End);
        json.WriteString("text", summary.TextOf(s));
        json.WriteNumber("score", Math.Round(s.Score, 6));
        json.WriteStartObject("features");
        json.WriteNumber("centrality", Math.Round(s.Features.Centrality, 6));
        json.WriteNumber("position", Math.Round(s.Features.Position, 6));
        json.WriteNumber("title_overlap", Math.Round(s.Features.TitleOverlap, 6));
        json.WriteNumber("length", Math.Round(s.Features.Length, 6));
        json.WriteNumber("redundancy", Math.Round(s.Features.Redundancy, 6));
        json.WriteNumber("paragraph_start", s.Features.ParagraphStart);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
