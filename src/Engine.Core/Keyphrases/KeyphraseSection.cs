using System.Runtime.InteropServices;
using Engine.Analysis;
using Engine.Lexing;
using Engine.Sentences;

namespace Engine.Keyphrases;

/// <summary>
/// What keyphrases need from one section, computed from that section alone and free of offsets:
/// its candidate phrases (runs of up to <see cref="MaxWords"/> content words within a sentence, keyed
/// by their stems' term ids, with their count and shortest written form), each stem's frequency, and which stems stand next to
/// each other (the word graph's edges).
/// </summary>
internal sealed class KeyphraseSection
{
    /// <summary>The longest phrase, in words.</summary>
    public const int MaxWords = 3;

    private readonly Candidate[] _candidates;
    private readonly int _count;
    private readonly Dictionary<StemKey, int> _lookup;

    private KeyphraseSection(Candidate[] candidates, int count, Dictionary<StemKey, int> lookup, Dictionary<int, int> weights, Dictionary<(int, int), int> edges)
    {
        _candidates = candidates;
        _count = count;
        _lookup = lookup;
        Weights = weights;
        Edges = edges;
    }

    /// <summary>The section's candidates in order of first occurrence.</summary>
    public ReadOnlySpan<Candidate> Candidates => _candidates.AsSpan(0, _count);

    /// <summary>The section's candidate of <paramref name="key"/>, if it has one.</summary>
    public bool TryGet(StemKey key, out Candidate candidate)
    {
        if (_lookup.TryGetValue(key, out int index))
        {
            candidate = _candidates[index];
            return true;
        }

        candidate = default;
        return false;
    }

    /// <summary>Each content stem's occurrences in the section, by term id (the analysis's term table, which every section of a document shares).</summary>
    public Dictionary<int, int> Weights { get; }

    /// <summary>How often two stems stand next to each other (the lower term id first), for the word graph.</summary>
    public Dictionary<(int, int), int> Edges { get; }

    /// <summary>Reads the candidates and weights of <paramref name="section"/>.</summary>
    public static KeyphraseSection Analyze(TextAnalysis section, CancellationToken cancellationToken = default)
    {
        // Sized for the text: news runs to about 1.1 candidates per token (a phrase of each length per
        // content word, most of them new), each a struct in one array, found through its index.
        int capacity = section.Tokens.Length + section.Tokens.Length / 4;
        var candidates = new Dictionary<StemKey, int>(capacity);
        var order = new CandidateList(capacity);
        var weights = new Dictionary<int, int>(capacity / 2);
        var edges = new Dictionary<(int, int), int>(capacity / 2);
        ReadOnlySpan<Token> tokens = section.Tokens;
        ReadOnlySpan<int> terms = section.TokenTerms;
        foreach (Sentence sentence in section.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (sentence.Kind == SentenceKind.Boilerplate)
            {
                continue;
            }

            int consecutive = 0; // content words in a row ending at t
            for (int t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
            {
                int stem = terms[t];
                if (!tokens[t].IsWord || stem < 0)
                {
                    consecutive = 0;
                    continue;
                }

                weights[stem] = weights.GetValueOrDefault(stem) + 1;
                consecutive++;
                if (consecutive > 1 && terms[t - 1] is var before && before != stem)
                {
                    (int, int) pair = before < stem ? (before, stem) : (stem, before);
                    edges[pair] = edges.GetValueOrDefault(pair) + 1;
                }

                for (int n = 1; n <= Math.Min(consecutive, MaxWords); n++)
                {
                    Add(section.Text, tokens, terms, t - n + 1, t, candidates, order);
                }
            }
        }

        return new KeyphraseSection(order.Items, order.Count, candidates, weights, edges);
    }

    private static void Add(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<int> terms, int first, int last, Dictionary<StemKey, int> candidates, CandidateList order)
    {
        for (int t = first + 1; t <= last; t++)
        {
            for (int u = first; u < t; u++)
            {
                if (terms[u] == terms[t])
                {
                    return; // «قوات الشرعية وقوات» says nothing its words do not
                }
            }
        }

        var key = new StemKey(terms[first], first + 1 <= last ? terms[first + 1] : -1, first + 2 <= last ? terms[first + 2] : -1);
        int start = tokens[first].Start;
        int end = tokens[last].End;
        ref int index = ref CollectionsMarshal.GetValueRefOrAddDefault(candidates, key, out bool exists);
        if (exists)
        {
            ref Candidate known = ref order.Items[index];
            known.Count++;
            if (end - start < known.Length)
            {
                (known.Start, known.End) = (start, end); // the barest form: «الأمني» over «والأمني»
            }

            return;
        }

        index = order.Count;
        order.Add(new Candidate(key, text) { Start = start, End = end, Count = 1, Index = index });
    }

    /// <summary>A growing array of candidates, mutated in place through their index.</summary>
    private sealed class CandidateList(int capacity)
    {
        public Candidate[] Items { get; private set; } = new Candidate[Math.Max(capacity, 4)];

        public int Count { get; private set; }

        public void Add(Candidate candidate)
        {
            if (Count == Items.Length)
            {
                Candidate[] larger = new Candidate[Items.Length * 2];
                Items.CopyTo(larger, 0);
                Items = larger;
            }

            Items[Count++] = candidate;
        }
    }

    /// <summary>A candidate's stems as term ids, in order (−1 past its length): the key two forms of one phrase share.</summary>
    internal readonly record struct StemKey(int First, int Second, int Third)
    {
        /// <summary>How many words.</summary>
        public int Length => Second < 0 ? 1 : Third < 0 ? 2 : 3;

        /// <summary>The stem of word <paramref name="i"/>.</summary>
        public int this[int i] => i == 0 ? First : i == 1 ? Second : Third;

        /// <summary>Whether the two phrases have a stem in common.</summary>
        public bool Shares(StemKey other)
        {
            for (int i = 0; i < Length; i++)
            {
                int stem = this[i];
                if (stem == other.First || stem == other.Second || stem == other.Third)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// A candidate phrase: its stems, its shortest written form (the first of equals, as a range of
    /// the section's text, made a string only if the phrase is chosen) and how often it occurs.
    /// </summary>
    internal struct Candidate(StemKey key, string source)
    {
        public StemKey Key { get; } = key;

        public int Start { get; set; }

        public int End { get; set; }

        public readonly int Length => End - Start;

        public readonly string Text => source[Start..End];

        public int Count { get; set; }

        /// <summary>Its place among the section's candidates (by first occurrence).</summary>
        public int Index { get; init; }
    }
}
