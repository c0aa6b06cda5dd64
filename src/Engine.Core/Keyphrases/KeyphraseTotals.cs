using System.Runtime.InteropServices;

namespace Engine.Keyphrases;

/// <summary>
/// A document's keyphrase counts, the sum of its sections' (each stem's occurrences, which are
/// also its one-word phrase's, and each phrase of several words'), kept up to date from one version to the next: <see cref="Update"/> subtracts the
/// sections that left and adds the new ones, so an edit costs its sections, not the document. The
/// ranking (<see cref="Rank"/>) reads only the candidates that can still be chosen, so a fresh
/// analysis and an edited one compute the same keyphrases the same way.
/// </summary>
internal sealed class KeyphraseTotals
{
    private readonly Dictionary<int, int> _stems = [];
    private readonly Dictionary<KeyphraseSection.StemKey, int> _phrases = [];

    /// <summary>Phrases of several words that occur at least twice: with the stems (each a one-word phrase), all that can be ranked.</summary>
    private readonly HashSet<KeyphraseSection.StemKey> _repeated = [];
    private HashSet<KeyphraseSection> _included = new(ReferenceEqualityComparer.Instance);

    /// <summary>Makes the counts those of <paramref name="sections"/> (by reference: a reused section is not counted again).</summary>
    public void Update(ReadOnlySpan<KeyphraseSection> sections)
    {
        if (_included.Count == 0)
        {
            // A first count (every fresh analysis): sized once instead of grown through every power of two.
            int stems = 0;
            int phrases = 0;
            foreach (KeyphraseSection section in sections)
            {
                stems += section.Weights.Count;
                phrases += section.Candidates.Length - section.Weights.Count;
            }

            _stems.EnsureCapacity(stems);
            _phrases.EnsureCapacity(phrases);
        }

        var now = new HashSet<KeyphraseSection>(sections.Length, ReferenceEqualityComparer.Instance);
        foreach (KeyphraseSection section in sections)
        {
            now.Add(section);
        }

        foreach (KeyphraseSection gone in _included)
        {
            if (!now.Contains(gone))
            {
                Count(gone, -1);
            }
        }

        foreach (KeyphraseSection section in now)
        {
            if (!_included.Contains(section))
            {
                Count(section, +1);
            }
        }

        _included = now;
    }

    /// <summary>
    /// The best <paramref name="count"/> phrases of <paramref name="sections"/> (the ones counted, in
    /// document order): by the sum of their stems' counts, ties to the phrase that occurs first; a
    /// phrase of several words must occur twice; none shares a stem with a better one.
    /// </summary>
    /// <remarks>
    /// Each chosen phrase blocks at most <see cref="KeyphraseSection.MaxWords"/> stems, so when k
    /// phrases are chosen one of the 3k + 1 most frequent stems is still free and its one-word phrase
    /// scores at least that stem's count: no phrase scoring below the (3(count − 1) + 1)-th stem
    /// count can be chosen, and only the others are ranked.
    /// </remarks>
    public IReadOnlyList<Keyphrase> Rank(ReadOnlySpan<KeyphraseSection> sections, int count)
    {
        if (count <= 0 || _stems.Count == 0)
        {
            return [];
        }

        long floor = Floor(KeyphraseSection.MaxWords * (count - 1) + 1);
        var keys = new List<KeyphraseSection.StemKey>();
        var scores = new List<long>();
        foreach ((int stem, int occurrences) in _stems)
        {
            if (occurrences >= floor)
            {
                keys.Add(new KeyphraseSection.StemKey(stem, -1, -1));
                scores.Add(occurrences);
            }
        }

        foreach (KeyphraseSection.StemKey key in _repeated)
        {
            long score = 0;
            for (int i = 0; i < key.Length; i++)
            {
                score += _stems[key[i]];
            }

            if (score >= floor)
            {
                keys.Add(key);
                scores.Add(score);
            }
        }

        // Best score first; equal scores in document order of first occurrence, looked up only for
        // the groups of equal scores the choice reaches.
        Span<long> order = CollectionsMarshal.AsSpan(scores);
        Span<KeyphraseSection.StemKey> ranked = CollectionsMarshal.AsSpan(keys);
        order.Sort(ranked, static (a, b) => b.CompareTo(a));
        var chosen = new List<KeyphraseSection.StemKey>(count);
        var result = new List<Keyphrase>(count);
        double best = order.Length > 0 ? order[0] : 0;
        for (int g = 0, h; g < order.Length && result.Count < count; g = h)
        {
            for (h = g + 1; h < order.Length && order[h] == order[g]; h++)
            {
            }

            var group = new (int Section, int Index, KeyphraseSection.StemKey Key)[h - g];
            for (int k = g; k < h; k++)
            {
                (int section, int index) = FirstOccurrence(sections, ranked[k]);
                group[k - g] = (section, index, ranked[k]);
            }

            Array.Sort(group, static (a, b) => (a.Section, a.Index).CompareTo((b.Section, b.Index)));
            foreach ((_, _, KeyphraseSection.StemKey key) in group)
            {
                if (result.Count < count && !chosen.Exists(c => key.Shares(c)))
                {
                    chosen.Add(key);
                    result.Add(new Keyphrase(BarestForm(sections, key), best > 0 ? order[g] / best : 0));
                }
            }
        }

        return result;
    }

    private void Count(KeyphraseSection section, int sign)
    {
        foreach ((int stem, int n) in section.Weights)
        {
            Add(_stems, stem, sign * n);
        }

        foreach (KeyphraseSection.Candidate c in section.Candidates)
        {
            if (c.Key.Length == 1)
            {
                continue; // a one-word phrase's count is its stem's
            }

            int total = Add(_phrases, c.Key, sign * c.Count);
            if (total >= 2)
            {
                _repeated.Add(c.Key);
            }
            else
            {
                _repeated.Remove(c.Key);
            }
        }

        static int Add<TKey>(Dictionary<TKey, int> counts, TKey key, int n) where TKey : notnull
        {
            ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
            int total = slot += n;
            if (total == 0)
            {
                counts.Remove(key);
            }

            return total;
        }
    }

    /// <summary>The <paramref name="rank"/>-th largest stem count (1-based), or 0 when there are fewer stems.</summary>
    private long Floor(int rank)
    {
        if (_stems.Count < rank)
        {
            return 0;
        }

        var smallest = new PriorityQueue<int, int>(rank + 1);
        foreach (int n in _stems.Values)
        {
            smallest.Enqueue(n, n);
            if (smallest.Count > rank)
            {
                smallest.Dequeue();
            }
        }

        return smallest.Peek();
    }

    private static (int Section, int Index) FirstOccurrence(ReadOnlySpan<KeyphraseSection> sections, KeyphraseSection.StemKey key)
    {
        for (int s = 0; s < sections.Length; s++)
        {
            if (sections[s].TryGet(key, out KeyphraseSection.Candidate c))
            {
                return (s, c.Index);
            }
        }

        throw new InvalidOperationException("A counted candidate occurs in no section.");
    }

    /// <summary>The phrase's shortest written form in the document, the first of equals.</summary>
    private static string BarestForm(ReadOnlySpan<KeyphraseSection> sections, KeyphraseSection.StemKey key)
    {
        KeyphraseSection.Candidate? barest = null;
        foreach (KeyphraseSection section in sections)
        {
            if (section.TryGet(key, out KeyphraseSection.Candidate c) && (barest is not { } b || c.Length < b.Length))
            {
                barest = c;
            }
        }

        return barest!.Value.Text;
    }
}
