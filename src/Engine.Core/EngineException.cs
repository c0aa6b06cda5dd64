using System.Globalization;

namespace Engine;

/// <summary>
/// What is wrong with a request to the engine. Each problem carries fixed values
/// (<see cref="EngineException.Values"/>), listed here in order, so a host can name them in its own
/// terms (a wire field, a command-line option) without reading the message.
/// </summary>
public enum Problem : byte
{
    /// <summary>A refusal described only by its message. No values.</summary>
    Unspecified,
    /// <summary>A sentence budget below 1. Values: the count given.</summary>
    SentenceBudgetTooSmall,
    /// <summary>A ratio budget outside (0, 1]. Values: the ratio given.</summary>
    RatioOutOfRange,
    /// <summary>A word budget below 1. Values: the count given.</summary>
    WordBudgetTooSmall,
    /// <summary>A change outside the text or reversed. Values: its start, its end, the text's length.</summary>
    ChangeOutsideText,
    /// <summary>A change overlapping an earlier one. Values: its start, its end.</summary>
    ChangesOverlap,
    /// <summary>A change without new text (null, not empty). Values: its start, its end.</summary>
    ChangeWithoutText,
    /// <summary>An edit against a version that is not the current one. Values: the version given, the current version.</summary>
    StaleVersion,
    /// <summary>An edit to a closed document. No values.</summary>
    DocumentClosed,
}

/// <summary>
/// A request the engine refuses, as a <see cref="Engine.Problem"/> and its values; nothing was
/// changed. The message is plain English for logs; hosts map the problem to their own vocabulary.
/// </summary>
public sealed class EngineException : Exception
{
    /// <summary>Creates the exception for <paramref name="problem"/> with its <paramref name="values"/>.</summary>
    public EngineException(Problem problem, params double[] values)
        : base(Describe(problem, values))
    {
        Problem = problem;
        Values = values;
    }

    /// <summary>Creates an <see cref="Problem.Unspecified"/> exception.</summary>
    public EngineException()
        : this("The engine refused the request.")
    {
    }

    /// <summary>Creates an <see cref="Problem.Unspecified"/> exception with a message of its own.</summary>
    public EngineException(string message)
        : base(message) => Values = [];

    /// <summary>Creates an exception with a message of its own and its cause.</summary>
    public EngineException(string message, Exception innerException)
        : base(message, innerException) => Values = [];

    /// <summary>What is wrong.</summary>
    public Problem Problem { get; }

    /// <summary>The problem's values, in the order <see cref="Engine.Problem"/> lists them.</summary>
    public IReadOnlyList<double> Values { get; }

    private static string Describe(Problem problem, double[] v)
    {
        string V(int i) => i < v.Length ? v[i].ToString(CultureInfo.InvariantCulture) : "?";
        return problem switch
        {
            Problem.SentenceBudgetTooSmall => $"the sentence budget must be at least 1 (got {V(0)}).",
            Problem.RatioOutOfRange => $"the ratio must be greater than 0 and at most 1 (got {V(0)}).",
            Problem.WordBudgetTooSmall => $"the word budget must be at least 1 (got {V(0)}).",
            Problem.ChangeOutsideText => $"change [{V(0)}, {V(1)}) is outside the text (length {V(2)}) or reversed.",
            Problem.ChangesOverlap => $"change [{V(0)}, {V(1)}) overlaps another change.",
            Problem.ChangeWithoutText => $"change [{V(0)}, {V(1)}) has no new text.",
            Problem.StaleVersion => $"the edit is against version {V(0)}, not the current version {V(1)}.",
            Problem.DocumentClosed => "the document was closed.",
            _ => "the engine refused the request.",
        };
    }
}
