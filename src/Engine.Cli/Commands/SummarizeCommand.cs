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
        var input = new TextInput();
        var summary = new SummaryOptions();
        var title = TitleOption();
        var command = new Command("summarize", "Pick the sentences that summarize a text, verbatim and in document order.");
        input.AddTo(command);
        command.Options.Add(input.Server);
        command.Options.Add(title);
        foreach (Option o in summary.All)
        {
            command.Options.Add(o);
        }

        command.SetAction((parse, cancellationToken) =>
        {
            if (!input.Agrees(parse, io.Error))
            {
                return Task.FromResult(EngineCli.InputError);
            }

            SummarizerOptions? options = summary.Bind(parse, io.Error);
            if (options is null)
            {
                return Task.FromResult(EngineCli.InputError);
            }

            if (parse.GetValue(input.Server) is { } servers)
            {
                SummaryOptions.Wire wire = summary.ForServer(parse);
                return input.RunOnServersAsync(parse, io, servers, doc => WireFields.Request(doc, wire, minConfidence: null), (json, r) => WireFields.WriteSummary(json, r, wire.Explain), cancellationToken);
            }

            return input.RunAsync(
                parse,
                io,
                (text, documentTitle) => Summarizer.Summarize(text, options with { Title = documentTitle ?? options.Title }),
                (json, result) => WriteSummary(json, result, options.Explain),
                result => WriteText(io, result, options.Explain),
                parse.GetValue(title),
                cancellationToken);
        });
        return command;
    }

    /// <summary>--title: the document's title for one text (a JSON line gives its own).</summary>
    internal static Option<string?> TitleOption() => new("--title") { Description = "The document's title (used as a feature, never returned)." };

    internal static void WriteText(CliIO io, Summary result, bool explain)
    {
        foreach (string sentence in result.SentenceTexts)
        {
            io.Out.WriteLine(sentence);
        }

        if (explain)
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

    /// <summary>A summary in the commands' JSON (<see cref="JsonFields.WriteSummary"/>).</summary>
    internal static void WriteSummary(Utf8JsonWriter json, Summary s, bool explain)
    {
        JsonFields.Sentence Fields(ScoredSentence x) =>
            new(x.Index, x.Start, x.End, s.TextOf(x), x.Score, x.Features.Centrality, x.Features.Position, x.Features.TitleOverlap, x.Features.Length, x.Features.Redundancy, x.Features.ParagraphStart);
        JsonFields.WriteSummary(json, s.Sentences.Select(Fields), explain ? s.AllSentences.Select(Fields) : null, s.DocumentWords, s.SummaryWords);
    }
}
