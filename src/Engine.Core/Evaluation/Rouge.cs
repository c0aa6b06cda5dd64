using System.Globalization;
using System.Text;

namespace Engine.Evaluation;

/// <summary>Precision, recall and F1 of one ROUGE measure.</summary>
internal readonly record struct RougeScore(double Precision, double Recall, double F1)
{
    /// <summary>Scores from an overlap count and the two totals.</summary>
    public static RougeScore From(int overlap, int systemTotal, int referenceTotal)
    {
        double p = systemTotal > 0 ? (double)overlap / systemTotal : 0;
        double r = referenceTotal > 0 ? (double)overlap / referenceTotal : 0;
        return new RougeScore(p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }
}

/// <summary>ROUGE-1, ROUGE-2 and ROUGE-L of one summary.</summary>
internal readonly record struct RougeResult(RougeScore Rouge1, RougeScore Rouge2, RougeScore RougeL);

/// <summary>
/// ROUGE-1/2/L for Arabic, computed exactly as the project's reference scorer does: diacritics and
/// tatweel removed, alef forms → ا, ى → ي, ة → ه, lower case; tokens are maximal runs of letters
/// and numbers; per reference P/R/F, averaged over the references.
/// </summary>
internal static class Rouge
{
    /// <summary>The scorer's tokens of <paramref name="text"/>.</summary>
    public static List<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (Rune rune in text.EnumerateRunes())
        {
            int v = rune.Value;
            if (v is >= 0x0610 and <= 0x061A or >= 0x064B and <= 0x065F or 0x0670 or >= 0x06D6 and <= 0x06ED or 0x0640)
            {
                continue;
            }

            Rune mapped = v switch
            {
                0x0623 or 0x0625 or 0x0622 or 0x0671 => new Rune(0x0627),
                0x0649 => new Rune(0x064A),
                0x0629 => new Rune(0x0647),
                _ => Rune.ToLowerInvariant(rune),
            };
            UnicodeCategory category = Rune.GetUnicodeCategory(mapped);
            bool word = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
            if (word)
            {
                current.Append(mapped.ToString());
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    /// <summary>Scores <paramref name="summary"/> against each reference and averages P, R and F over them.</summary>
    public static RougeResult Score(string summary, IReadOnlyList<string> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        List<string> system = Tokens(summary);
        double[] sums = new double[9];
        foreach (string reference in references)
        {
            List<string> refTokens = Tokens(reference);
            Add(sums, 0, NGram(system, refTokens, 1));
            Add(sums, 3, NGram(system, refTokens, 2));
            Add(sums, 6, RougeScore.From(Lcs(system, refTokens), system.Count, refTokens.Count));
        }

        int n = Math.Max(1, references.Count);
        return new RougeResult(
            new RougeScore(sums[0] / n, sums[1] / n, sums[2] / n),
            new RougeScore(sums[3] / n, sums[4] / n, sums[5] / n),
            new RougeScore(sums[6] / n, sums[7] / n, sums[8] / n));
    }

    /// <summary>The macro average of per-document results.</summary>
    public static RougeResult Mean(IReadOnlyCollection<RougeResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        static RougeScore Avg(IEnumerable<RougeScore> s, int n) =>
            n == 0 ? default : new RougeScore(s.Sum(x => x.Precision) / n, s.Sum(x => x.Recall) / n, s.Sum(x => x.F1) / n);
        int count = results.Count;
        return new RougeResult(
            Avg(results.Select(r => r.Rouge1), count),
            Avg(results.Select(r => r.Rouge2), count),
            Avg(results.Select(r => r.RougeL), count));
    }

    private static void Add(double[] sums, int at, RougeScore s)
    {
        sums[at] += s.Precision;
        sums[at + 1] += s.Recall;
        sums[at + 2] += s.F1;
    }

    private static RougeScore NGram(List<string> system, List<string> reference, int n)
    {
        Dictionary<string, int> sys = Counts(system, n, out int sysTotal);
        Dictionary<string, int> refs = Counts(reference, n, out int refTotal);
        int overlap = 0;
        foreach (var (gram, count) in sys)
        {
            if (refs.TryGetValue(gram, out int other))
            {
                overlap += Math.Min(count, other);
            }
        }

        return RougeScore.From(overlap, sysTotal, refTotal);
    }

    /// <summary>Each n-gram of <paramref name="tokens"/> with its count; <paramref name="total"/> is the number of n-grams.</summary>
    internal static Dictionary<string, int> Counts(List<string> tokens, int n, out int total)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        total = Math.Max(0, tokens.Count - n + 1);
        for (int i = 0; i + n <= tokens.Count; i++)
        {
            string gram = n == 1 ? tokens[i] : tokens[i] + "\u0001" + tokens[i + 1];
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        return counts;
    }

    private static int Lcs(List<string> a, List<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        int[] prev = new int[b.Count + 1];
        int[] cur = new int[b.Count + 1];
        foreach (string x in a)
        {
            cur[0] = 0;
            for (int j = 0; j < b.Count; j++)
            {
                cur[j + 1] = string.Equals(x, b[j], StringComparison.Ordinal) ? prev[j] + 1 : Math.Max(prev[j + 1], cur[j]);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Count];
    }
}
