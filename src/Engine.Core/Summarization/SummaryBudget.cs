using System.Globalization;

namespace Engine.Summarization;

/// <summary>What limits a summary's length.</summary>
public enum BudgetKind : byte
{
    /// <summary>A fraction of the document's body words.</summary>
    Ratio = 0,
    /// <summary>At most this many sentences.</summary>
    Sentences,
    /// <summary>At most this many words.</summary>
    Words,
}

/// <summary>
/// A summary's length budget: a number of sentences, a fraction of the document's words, or a
/// number of words. A summary never exceeds its budget, except that it always holds at least one
/// sentence: when the budget is smaller than every body sentence, the summary is the single best
/// body sentence, whole (sentences are never cut, and boilerplate such as a wire trailer is never a
/// candidate). The default is 20% of the words, the length of a news abstract.
/// </summary>
public readonly record struct SummaryBudget
{
    private SummaryBudget(BudgetKind kind, double value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>20% of the document's words.</summary>
    public static SummaryBudget Default { get; } = new(BudgetKind.Ratio, 0.2);

    /// <summary>Which limit applies.</summary>
    public BudgetKind Kind { get; }

    /// <summary>The limit: a ratio in (0, 1], or a positive count.</summary>
    public double Value { get; }

    /// <summary>At most <paramref name="count"/> sentences.</summary>
    public static SummaryBudget Sentences(int count) =>
        count > 0 ? new(BudgetKind.Sentences, count) : throw new EngineException(Problem.SentenceBudgetTooSmall, count);

    /// <summary>At most <paramref name="ratio"/> of the document's words.</summary>
    public static SummaryBudget Ratio(double ratio) =>
        ratio is > 0 and <= 1 ? new(BudgetKind.Ratio, ratio) : throw new EngineException(Problem.RatioOutOfRange, ratio);

    /// <summary>At most <paramref name="count"/> words.</summary>
    public static SummaryBudget Words(int count) =>
        count > 0 ? new(BudgetKind.Words, count) : throw new EngineException(Problem.WordBudgetTooSmall, count);

    /// <summary>The word limit for a document of <paramref name="documentWords"/> words (int.MaxValue for a sentence budget).</summary>
    public int WordLimit(int documentWords) => Kind switch
    {
        BudgetKind.Ratio => (int)Math.Floor(Value * documentWords + 1e-9),
        BudgetKind.Words => (int)Value,
        _ => int.MaxValue,
    };

    /// <summary>The sentence limit (int.MaxValue unless the budget counts sentences).</summary>
    public int SentenceLimit => Kind == BudgetKind.Sentences ? (int)Value : int.MaxValue;

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        BudgetKind.Ratio => "ratio " + Value.ToString(CultureInfo.InvariantCulture),
        BudgetKind.Words => Value.ToString(CultureInfo.InvariantCulture) + " words",
        _ => Value.ToString(CultureInfo.InvariantCulture) + " sentences",
    };
}
