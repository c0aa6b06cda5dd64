using Engine.Quotes;

namespace Engine.Evaluation;

/// <summary>A gold quote, as the project's annotation guidelines write it down.</summary>
internal sealed record GoldQuote(string Kind, string Content, string Speaker, string SpeakerName, string SpeakerCanonical);

/// <summary>
/// Counts of a quote evaluation: quotes found, missed and spurious, matched quotes whose speaker is
/// right, and gold quotes found by kind. Adds up over articles and folds.
/// </summary>
internal sealed class QuoteScores
{
    private static readonly string[] KindNames = ["direct", "indirect", "mixed"];

    private readonly int[] _kindTotal = new int[KindNames.Length];
    private readonly int[] _kindFound = new int[KindNames.Length];

    /// <summary>Predicted quotes that match a gold quote.</summary>
    public int Matched { get; private set; }

    /// <summary>Predicted quotes that match none.</summary>
    public int Spurious { get; private set; }

    /// <summary>Gold quotes that no prediction matches.</summary>
    public int Missed { get; private set; }

    /// <summary>Matched quotes whose speaker is right.</summary>
    public int SpeakerRight { get; private set; }

    /// <summary>Gold quotes.</summary>
    public int Gold => Matched + Missed;

    /// <summary>Predicted quotes.</summary>
    public int Predicted => Matched + Spurious;

    /// <summary>Matched over predicted quotes.</summary>
    public double QuotePrecision => RougeScore.From(Matched, Predicted, Gold).Precision;

    /// <summary>Matched over gold quotes.</summary>
    public double QuoteRecall => RougeScore.From(Matched, Predicted, Gold).Recall;

    /// <summary>Harmonic mean of quote precision and recall.</summary>
    public double QuoteF1 => RougeScore.From(Matched, Predicted, Gold).F1;

    /// <summary>Matched quotes whose speaker is right, over matched quotes.</summary>
    public double SpeakerAccuracy => Ratio(SpeakerRight, Matched);

    /// <summary>Quotes with the right speaker over predicted quotes.</summary>
    public double EndToEndPrecision => RougeScore.From(SpeakerRight, Predicted, Gold).Precision;

    /// <summary>Quotes with the right speaker over gold quotes.</summary>
    public double EndToEndRecall => RougeScore.From(SpeakerRight, Predicted, Gold).Recall;

    /// <summary>Harmonic mean of end-to-end precision and recall.</summary>
    public double EndToEndF1 => RougeScore.From(SpeakerRight, Predicted, Gold).F1;

    /// <summary>The kinds gold quotes come in, in the order of <see cref="RecallOfKind"/>.</summary>
    public static IReadOnlyList<string> Kinds => KindNames;

    /// <summary>The share of gold quotes of kind <paramref name="kind"/> (direct, indirect, mixed) that were found.</summary>
    public double RecallOfKind(string kind)
    {
        int k = Array.IndexOf(KindNames, kind);
        return k < 0 ? 0 : Ratio(_kindFound[k], _kindTotal[k]);
    }

    /// <summary>Adds another evaluation's counts to this one.</summary>
    public void Add(QuoteScores other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Matched += other.Matched;
        Spurious += other.Spurious;
        Missed += other.Missed;
        SpeakerRight += other.SpeakerRight;
        for (int k = 0; k < KindNames.Length; k++)
        {
            _kindTotal[k] += other._kindTotal[k];
            _kindFound[k] += other._kindFound[k];
        }
    }

    internal void AddArticle(IReadOnlyList<GoldQuote> gold, int matched, int predicted, int speakerRight, bool[] goldFound)
    {
        Matched += matched;
        Spurious += predicted - matched;
        Missed += gold.Count - matched;
        SpeakerRight += speakerRight;
        for (int j = 0; j < gold.Count; j++)
        {
            int k = Array.IndexOf(KindNames, gold[j].Kind);
            if (k >= 0)
            {
                _kindTotal[k]++;
                _kindFound[k] += goldFound[j] ? 1 : 0;
            }
        }
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

}

/// <summary>
/// Scores predicted quotes against gold exactly as the project's scorer (<c>quotes_score.py</c>) does:
/// contents match when the token F1 of their Arabic-normalised words is at least 0.5 (one-to-one,
/// best pairs first), and a matched quote's speaker is right when any of its speaker fields (mention,
/// name, canonical) shares a token F1 of at least 0.5 with any of the gold speaker fields.
/// </summary>
internal static class QuoteScorer
{
    private const double MatchF1 = 0.5;

    /// <summary>
    /// Scores one article into <paramref name="scores"/> and returns, for each predicted quote, whether it
    /// matched a gold quote with the right speaker (an end-to-end hit).
    /// </summary>
    public static bool[] ScoreArticle(IReadOnlyList<GoldQuote> gold, IReadOnlyList<Quote> predicted, QuoteScores scores)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(scores);
        var goldTokens = gold.Select(g => Bag(g.Content)).ToArray();
        var predTokens = predicted.Select(p => Bag(p.Content)).ToArray();
        var pairs = new List<(double Score, int P, int G)>();
        for (int i = 0; i < predicted.Count; i++)
        {
            for (int j = 0; j < gold.Count; j++)
            {
                pairs.Add((F1(predTokens[i], goldTokens[j]), i, j));
            }
        }

        // The reference scorer sorts (score, i, j) tuples in reverse: ties go to the later quote.
        pairs.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : b.P != a.P ? b.P.CompareTo(a.P) : b.G.CompareTo(a.G));
        var hits = new bool[predicted.Count];
        var usedPred = new bool[predicted.Count];
        var goldFound = new bool[gold.Count];
        int matched = 0, speakerRight = 0;
        foreach (var (score, i, j) in pairs)
        {
            if (score < MatchF1)
            {
                break;
            }

            if (usedPred[i] || goldFound[j])
            {
                continue;
            }

            usedPred[i] = goldFound[j] = true;
            matched++;
            if (SpeakerRight(predicted[i], gold[j]))
            {
                speakerRight++;
                hits[i] = true;
            }
        }

        scores.AddArticle(gold, matched, predicted.Count, speakerRight, goldFound);
        return hits;
    }

    private static bool SpeakerRight(Quote p, GoldQuote g)
    {
        Dictionary<string, int>[] predicted = [Bag(p.Speaker), Bag(p.SpeakerName), Bag(p.SpeakerCanonical)];
        Dictionary<string, int>[] gold = [Bag(g.Speaker), Bag(g.SpeakerName), Bag(g.SpeakerCanonical)];
        foreach (var a in predicted)
        {
            foreach (var b in gold)
            {
                if (a.Count > 0 && b.Count > 0 && F1(a, b) >= MatchF1)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static Dictionary<string, int> Bag(string text) => Rouge.Counts(Rouge.Tokens(text ?? string.Empty), 1, out _);

    /// <summary>The token F1 of two bags, as ROUGE-1 computes it.</summary>
    private static double F1(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        int overlap = 0, totalA = 0, totalB = 0;
        foreach (var (token, count) in a)
        {
            totalA += count;
            overlap += Math.Min(count, b.GetValueOrDefault(token));
        }

        foreach (int count in b.Values)
        {
            totalB += count;
        }

        return RougeScore.From(overlap, totalA, totalB).F1;
    }
}
