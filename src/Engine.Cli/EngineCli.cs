using System.CommandLine;
using System.Text;
using Engine.Cli.Commands;

namespace Engine.Cli;

/// <summary>The command tree of the <c>engine</c> tool, built over injectable streams so tests can run it in-process.</summary>
public static class EngineCli
{
    /// <summary>Exit code for bad input: a missing file, empty text, a malformed line.</summary>
    public const int InputError = 2;

    /// <summary>Parses <paramref name="args"/> and runs the command; returns the process exit code.</summary>
    public static int Run(string[] args, TextReader stdin, Stream stdout, TextWriter stderr, Stream? stdinStream = null)
    {
        using var output = new StreamWriter(stdout, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { AutoFlush = false };
        var io = new CliIO(stdin, output, stderr) { StandardInput = stdinStream };
        var root = new RootCommand("Arabic news analysis: tokens, sentences, summaries, quotes and keyphrases.")
        {
            TokenizeCommand.Create(io),
            SentencesCommand.Create(io),
            SummarizeCommand.Create(io),
            EvalCommand.Create(io),
            QuotesCommand.Create(io),
            KeyphrasesCommand.Create(io),
            EvalQuotesCommand.Create(io),
            TuneCommand.Create(io),
        };
        ParseResult parsed = root.Parse(args);
        int code = parsed.Invoke(new InvocationConfiguration { Output = output, Error = stderr, EnableDefaultExceptionHandler = false });
        output.Flush();
        return code;
    }
}
