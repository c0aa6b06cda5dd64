using System.CommandLine;

namespace Engine.Cli.Commands;

/// <summary>Arguments and options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Argument<string?> File() => new("FILE")
    {
        Description = "The text file to read; '-' or nothing reads standard input.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Option<string?> Jsonl() => new("--jsonl")
    {
        Description = "Read one document {\"id\",\"text\"} per line of this JSON Lines file ('-' for standard input) and write one result per line, in order.",
    };

    public static Option<string?> Out() => new("--out") { Description = "With --jsonl: write the results here instead of standard output." };

    /// <summary>
    /// Whether FILE, --jsonl, --out and --format go together; false after saying why on one line
    /// (no option is silently ignored).
    /// </summary>
    public static bool InputAgrees(ParseResult parse, Argument<string?> file, Option<string?> jsonl, Option<string?> output, Option<string> format, TextWriter error)
    {
        bool batch = parse.GetValue(jsonl) is not null;
        string? problem = batch && parse.GetValue(file) is not null ? "give FILE or --jsonl, not both"
            : !batch && parse.GetValue(output) is not null ? "--out goes with --jsonl; one text is written to standard output"
            : batch && parse.GetResult(format) is { Implicit: false } ? "--format is for one text; --jsonl always writes JSON Lines"
            : null;
        if (problem is not null)
        {
            error.WriteLine("engine: " + problem);
        }

        return problem is null;
    }

    public static Option<string> Format()
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }
}
