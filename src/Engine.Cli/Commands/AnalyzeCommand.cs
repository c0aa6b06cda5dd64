using System.CommandLine;
using Engine.Analysis;
using Engine.Quotes;
using Engine.Summarization;

namespace Engine.Cli.Commands;

/// <summary>
/// <c>engine analyze [FILE|-] [budget] [--min-confidence T]</c> and
/// <c>engine analyze --jsonl IN.jsonl [--out OUT.jsonl]</c>: the summary and the quotes of each
/// document from one analysis of its text (one pass where <c>summarize</c> then <c>quotes</c> make two).
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliIO io)
    {
        var input = new TextInput();
        var summary = new SummaryOptions();
        var title = SummarizeCommand.TitleOption();
        var minConfidence = QuotesCommand.MinConfidenceOption();
        var command = new Command("analyze", "Summarize a text and find its quotes in one pass: the fields of summarize and of quotes in one result.");
        input.AddTo(command);
        command.Options.Add(input.Server);
        command.Options.Add(title);
        foreach (Option o in summary.All)
        {
            command.Options.Add(o);
        }

        command.Options.Add(minConfidence);
        command.SetAction((parse, cancellationToken) =>
        {
            if (!input.Agrees(parse, io.Error)
                || summary.Bind(parse, io.Error) is not { } options
                || QuotesCommand.BindMinConfidence(parse, minConfidence, io.Error) is not { } threshold)
            {
                return Task.FromResult(EngineCli.InputError);
            }

            if (parse.GetValue(input.Server) is { } servers)
            {
                SummaryOptions.Wire wire = summary.ForServer(parse);
                return input.RunOnServersAsync(
                    parse,
                    io,
                    servers,
                    doc => WireFields.Request(doc, wire, threshold),
                    (json, r) =>
                    {
                        WireFields.WriteSummary(json, r, wire.Explain);
                        WireFields.WriteQuotes(json, r);
                    },
                    cancellationToken);
            }

            return input.RunAsync(
                parse,
                io,
                (text, documentTitle) => AnalysisPool.Analyze(
                    text,
                    options with { Title = documentTitle ?? options.Title },
                    (analysis, o) => (Summary: Summarizer.Summarize(analysis, o), Quotes: QuoteExtractor.Extract(analysis).WithMinConfidence(threshold))),
                (json, result) =>
                {
                    SummarizeCommand.WriteSummary(json, result.Summary, options.Explain);
                    QuotesCommand.WriteQuotes(json, result.Quotes);
                },
                result =>
                {
                    SummarizeCommand.WriteText(io, result.Summary, options.Explain);
                    io.Out.WriteLine();
                    QuotesCommand.WriteText(io, result.Quotes);
                },
                parse.GetValue(title),
                cancellationToken);
        });
        return command;
    }
}
