using Engine.Analysis;

namespace Engine.Keyphrases;

/// <summary>How words are weighted before phrases are ranked.</summary>
internal enum KeyphraseMethod : byte
{
    /// <summary>Each stem's share of the document's content words (the one shipped: see <see cref="KeyphraseExtractor"/>).</summary>
    Frequency,
    /// <summary>TextRank (Mihalcea and Tarau 2004): PageRank over the graph of stems that stand next to each other.</summary>
    TextRank,
}

/// <summary>
/// The key terms and phrases of a text: candidates are runs of one to three content words within a
/// sentence (stop words and punctuation end a run; boilerplate is skipped), keyed by their stems so
/// that «الأمم المتحدة» and «للأمم المتحدة» are one phrase; each stem is weighted by its share of the
/// document's content words; a phrase scores the sum of its stems' weights, a phrase of several
/// words must occur at least twice, and a phrase sharing a stem with a better one is left out (ten
/// different topics rather than ten forms of one). Each section is read on its own and the
/// document's counts are the sum of theirs, so an editing session recomputes only the sections an
/// edit touched. Deterministic: ties go to the phrase that occurs first.
/// </summary>
/// <remarks>
/// Word frequency was kept over TextRank (PageRank over the graph of stems that stand next to each
/// other, <see cref="KeyphraseMethod.TextRank"/>): over the 242 dev documents with human summaries
/// (news and EASC), 81.3% of frequency's top ten have every stem in the document's summaries,
/// against 76.7% for TextRank (<c>KeyphraseQualityTests</c>).
/// </remarks>
public static class KeyphraseExtractor
{
    /// <summary>How many keyphrases a document gets unless asked otherwise.</summary>
    public const int DefaultCount = 10;

    /// <summary>The keyphrases of <paramref name="text"/> with pooled analysis state, best first.</summary>
    public static IReadOnlyList<Keyphrase> Extract(string text, int count = DefaultCount) =>
        AnalysisPool.Analyze(text, count, static (analysis, c) => Extract(analysis, c));

    /// <summary>The keyphrases of an analysed text, best first.</summary>
    public static IReadOnlyList<Keyphrase> Extract(TextAnalysis analysis, int count = DefaultCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var sections = new KeyphraseSection[analysis.SectionCount];
        for (int i = 0; i < sections.Length; i++)
        {
            sections[i] = KeyphraseSection.Analyze(analysis.SectionCount == 1 ? analysis : analysis.Section(i), cancellationToken);
        }

        return Combine(sections, count);
    }

    /// <summary>The document's keyphrases from its sections' parts, in document order.</summary>
    internal static IReadOnlyList<Keyphrase> Combine(ReadOnlySpan<KeyphraseSection> sections, int count, KeyphraseMethod method = KeyphraseMethod.Frequency)
    {
        if (method == KeyphraseMethod.Frequency)
        {
            var totals = new KeyphraseTotals();
            totals.Update(sections);
            return totals.Rank(sections, count);
        }

        Dictionary<int, double> weight = TextRank(sections);
        var merged = new Dictionary<KeyphraseSection.StemKey, (KeyphraseSection.Candidate First, int Count, int Order)>();
        foreach (KeyphraseSection section in sections)
        {
            foreach (KeyphraseSection.Candidate c in section.Candidates)
            {
                merged[c.Key] = !merged.TryGetValue(c.Key, out var known) ? (c, c.Count, merged.Count)
                    : (c.Length < known.First.Length ? c : known.First, known.Count + c.Count, known.Order);
            }
        }

        var ranked = new List<(KeyphraseSection.Candidate Candidate, double Score, int Order)>();
        foreach ((KeyphraseSection.Candidate first, int occurrences, int order) in merged.Values)
        {
            if (first.Key.Length > 1 && occurrences < 2)
            {
                continue;
            }

            double score = 0;
            for (int i = 0; i < first.Key.Length; i++)
            {
                score += weight.GetValueOrDefault(first.Key[i]);
            }

            ranked.Add((first, score, order));
        }

        ranked.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Order.CompareTo(b.Order));
        var chosen = new List<KeyphraseSection.Candidate>();
        var result = new List<Keyphrase>();
        double best = ranked.Count > 0 ? ranked[0].Score : 0;
        foreach ((KeyphraseSection.Candidate candidate, double score, _) in ranked)
        {
            if (result.Count == count)
            {
                break;
            }

            if (!chosen.Exists(c => candidate.Key.Shares(c.Key)))
            {
                chosen.Add(candidate);
                result.Add(new Keyphrase(candidate.Text, best > 0 ? score / best : 0));
            }
        }

        return result;
    }

    /// <summary>PageRank over the document's word graph: the sum of its sections' graphs, edges weighted by how often the stems stand together.</summary>
    private static Dictionary<int, double> TextRank(ReadOnlySpan<KeyphraseSection> sections)
    {
        var ids = new Dictionary<int, int>();
        var stems = new List<int>();
        var edges = new SortedDictionary<(int, int), int>();
        foreach (KeyphraseSection section in sections)
        {
            foreach (int stem in section.Weights.Keys)
            {
                Id(stem);
            }

            foreach (((int a, int b), int n) in section.Edges)
            {
                (int x, int y) = (Id(a), Id(b));
                edges[(x, y)] = edges.GetValueOrDefault((x, y)) + n;
                edges[(y, x)] = edges.GetValueOrDefault((y, x)) + n;
            }
        }

        int count = stems.Count;
        int[] rows = new int[count + 1];
        int[] cols = new int[edges.Count];
        double[] weights = new double[edges.Count];
        int e = 0;
        foreach (((int from, int to), int n) in edges)
        {
            rows[from + 1]++;
            cols[e] = to;
            weights[e++] = n;
        }

        for (int i = 0; i < count; i++)
        {
            rows[i + 1] += rows[i];
        }

        double[] work = new double[4 * count];
        Span<double> rank = work.AsSpan(0, count);
        PageRank.Compute(rows, cols, weights, rank, work.AsSpan(count, count), work.AsSpan(2 * count, count), work.AsSpan(3 * count, count));
        var weight = new Dictionary<int, double>(count);
        for (int i = 0; i < count; i++)
        {
            weight[stems[i]] = rank[i];
        }

        return weight;

        int Id(int stem)
        {
            if (!ids.TryGetValue(stem, out int id))
            {
                id = stems.Count;
                ids.Add(stem, id);
                stems.Add(stem);
            }

            return id;
        }
    }
}
