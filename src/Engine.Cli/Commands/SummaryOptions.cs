using System.CommandLine;
using Engine.Summarization;

namespace Engine.Cli.Commands;

/// <summary>The budget, algorithm and explain options shared by <c>summarize</c> and <c>eval</c>.</summary>
internal sealed class SummaryOptions
{
    public Option<int?> Sentences { get; } = new("--sentences") { Description = "At most N sentences." };

    public Option<double?> Ratio { get; } = new("--ratio") { Description = "At most this fraction of the document's words (0 < R <= 1). Default 0.2." };

    public Option<int?> Words { get; } = new("--words") { Description = "At most W words." };

    public Option<string> Algorithm { get; } = CreateAlgorithm();

    public Option<bool> Explain { get; } = new("--explain") { Description = "Include every sentence's score and features." };

    public IEnumerable<Option> All => [Sentences, Ratio, Words, Algorithm, Explain];

    /// <summary>The options, or null after printing why they are invalid.</summary>
    public SummarizerOptions? Bind(ParseResult parse, TextWriter error)
    {
        int? sentences = parse.GetValue(Sentences);
        double? ratio = parse.GetValue(Ratio);
        int? words = parse.GetValue(Words);
        int given = (sentences.HasValue ? 1 : 0) + (ratio.HasValue ? 1 : 0) + (words.HasValue ? 1 : 0);
        if (given > 1)
        {
            error.WriteLine("engine: give at most one of --sentences, --ratio and --words");
            return null;
        }

        SummaryBudget budget;
        try
        {
            budget = sentences is { } s ? SummaryBudget.Sentences(s)
                : ratio is { } r ? SummaryBudget.Ratio(r)
                : words is { } w ? SummaryBudget.Words(w)
                : SummaryBudget.Default;
        }
        catch (EngineException e)
        {
            error.WriteLine("engine: " + Describe(e));
            return null;
        }

        return new SummarizerOptions
        {
            Budget = budget,
            Algorithm = Enum.Parse<SummaryAlgorithm>(parse.GetValue(Algorithm)!, ignoreCase: true),
            Explain = parse.GetValue(Explain),
        };
    }

    /// <summary>What <see cref="Bind"/> accepted, as a server request takes it (call after <see cref="Bind"/> succeeded).</summary>
    public Wire ForServer(ParseResult parse) => new(parse.GetValue(Sentences), parse.GetValue(Ratio), parse.GetValue(Words), parse.GetValue(Algorithm)!, parse.GetValue(Explain));

    /// <summary>The budget, algorithm and explain flag of a <see cref="Grpc.V1.SummarizeRequest"/>.</summary>
    internal sealed record Wire(int? Sentences, double? Ratio, int? Words, string Algorithm, bool Explain)
    {
        public void ApplyTo(Grpc.V1.SummarizeRequest request)
        {
            if (Sentences is { } s)
            {
                request.MaxSentences = s;
            }
            else if (Ratio is { } r)
            {
                request.Ratio = r;
            }
            else if (Words is { } w)
            {
                request.MaxWords = w;
            }

            request.Algorithm = Enum.Parse<Grpc.V1.Algorithm>(Algorithm, ignoreCase: true);
            request.Explain = Explain;
        }
    }

    /// <summary>A budget problem in the command line's terms.</summary>
    private static string Describe(EngineException e) => e.Problem switch
    {
        Problem.SentenceBudgetTooSmall => $"--sentences must be at least 1 (got {e.Values[0]}).",
        Problem.RatioOutOfRange => $"--ratio must be greater than 0 and at most 1 (got {e.Values[0]}).",
        Problem.WordBudgetTooSmall => $"--words must be at least 1 (got {e.Values[0]}).",
        _ => e.Message,
    };

    private static Option<string> CreateAlgorithm()
    {
        var option = new Option<string>("--algorithm")
        {
            Description = "Sentence scoring: the engine's own, or a peer algorithm for comparison.",
            DefaultValueFactory = _ => "engine",
        };
        option.AcceptOnlyFromAmong([.. Enum.GetNames<SummaryAlgorithm>().Select(name => name.ToLowerInvariant())]);
        return option;
    }
}
