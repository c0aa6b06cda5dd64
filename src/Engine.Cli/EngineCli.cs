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
            AnalyzeCommand.Create(io),
            KeyphrasesCommand.Create(io),
            EvalQuotesCommand.Create(io),
            TuneCommand.Create(io),
        };
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line, not the usage: "--sentences abc" says what is wrong with it.
            string help = parsed.CommandResult.Command == root ? "engine --help" : $"engine {parsed.CommandResult.Command.Name} --help";
            stderr.WriteLine($"engine: {Plain(parsed.Errors[0].Message)} (see {help})");
            return InputError;
        }

        int code = parsed.Invoke(new InvocationConfiguration { Output = output, Error = stderr, EnableDefaultExceptionHandler = false });
        output.Flush();
        return code;
    }

    /// <summary>A parser message in the user's terms rather than .NET's: "--sentences expects a whole number (got 'abc')".</summary>
    private static string Plain(string message)
    {
        System.Text.RegularExpressions.Match m = System.Text.RegularExpressions.Regex.Match(message, "^Cannot parse argument '(.*)' for option '(.*)' as expected type '(.*)'\\.?$");
        if (!m.Success)
        {
            return message.TrimEnd('.');
        }

        string type = m.Groups[3].Value;
        string expected = type.Contains("Int32", StringComparison.Ordinal) ? "a whole number" : type.Contains("Double", StringComparison.Ordinal) ? "a number" : "a value of another kind";
        return $"{m.Groups[2].Value} expects {expected} (got '{m.Groups[1].Value}')";
    }
}
