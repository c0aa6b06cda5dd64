using System.CommandLine;
using System.Text.Json;
using Engine.Quotes;

namespace Engine.Cli.Commands;

/// <summary><c>engine quotes [FILE|-] [--format text|json]</c> and <c>engine quotes --jsonl IN.jsonl [--out OUT.jsonl]</c>.</summary>
internal static class QuotesCommand
{
    public static Command Create(CliIO io)
    {
        var input = new TextInput();
        var minConfidence = MinConfidenceOption();
        var command = new Command("quotes", "Find every quote with its speaker, cue and spans (UTF-16 offsets, end exclusive).");
        input.AddTo(command);
        command.Options.Add(input.Server);
        command.Options.Add(minConfidence);
        command.SetAction((parse, cancellationToken) =>
        {
            if (!input.Agrees(parse, io.Error) || BindMinConfidence(parse, minConfidence, io.Error) is not { } threshold)
            {
                return Task.FromResult(EngineCli.InputError);
            }

            if (parse.GetValue(input.Server) is { } servers)
            {
                return input.RunOnServersAsync(parse, io, servers, doc => WireFields.Request(doc, summary: null, threshold), WireFields.WriteQuotes, cancellationToken);
            }

            return input.RunAsync(
                parse,
                io,
                (text, _) => QuoteExtractor.Extract(text).WithMinConfidence(threshold),
                WriteQuotes,
                result => WriteText(io, result),
                fileTitle: null,
                cancellationToken);
        });
        return command;
    }

    /// <summary>--min-confidence: keep only quotes at least this sure.</summary>
    internal static Option<double> MinConfidenceOption() => new("--min-confidence") { Description = "Keep only quotes with at least this confidence (0 to 1; see the README's reliability table)." };

    /// <summary>The --min-confidence threshold, or null after saying on one line why it is invalid.</summary>
    internal static double? BindMinConfidence(ParseResult parse, Option<double> option, TextWriter error)
    {
        double threshold = parse.GetValue(option);
        if (threshold is not (>= 0 and <= 1))
        {
            error.WriteLine($"engine: --min-confidence must be between 0 and 1 (got {threshold})");
            return null;
        }

        return threshold;
    }

    internal static void WriteText(CliIO io, QuoteResult result)
    {
        foreach (Quote q in result.Quotes)
        {
            io.Out.WriteLine($"[{q.Kind.ToString().ToLowerInvariant()}] {q.Cue} | {q.Speaker} | {q.SpeakerCanonical}");
            io.Out.WriteLine("    " + q.Content);
        }

        foreach (QuoteDiagnostic d in result.Diagnostics)
        {
            io.Out.WriteLine($"{d.Code} [{d.Span.Start}..{d.Span.End}) {d.Message}");
        }
    }

    /// <summary>Quotes and diagnostics in the commands' JSON (<see cref="JsonFields.WriteQuotes"/>).</summary>
    internal static void WriteQuotes(Utf8JsonWriter json, QuoteResult result) => JsonFields.WriteQuotes(
        json,
        result.Quotes.Select(q => new JsonFields.Quote(
            q.Kind.ToString().ToLowerInvariant(), q.Content, q.Speaker, q.SpeakerName, q.SpeakerCanonical, q.Cue,
            q.ContentSpan.Start, q.ContentSpan.End, q.SpeakerSpan.Start, q.SpeakerSpan.End, q.CueSpan.Start, q.CueSpan.End, q.Confidence)),
        result.Diagnostics.Select(d => new JsonFields.Diagnostic(d.Code, d.Message, d.Span.Start, d.Span.End)));
}
