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

    public static Option<string?> Jsonl(string what) => new("--jsonl")
    {
        Description = $"{what} of every line {{\"id\",\"text\"}} of this JSON Lines file ('-' for standard input).",
    };

    public static Option<string?> Out() => new("--out") { Description = "With --jsonl: write the results here instead of standard output." };

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
