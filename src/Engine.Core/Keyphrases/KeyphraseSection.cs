using Engine.Analysis;
using Engine.Lexing;
using Engine.Sentences;

namespace Engine.Keyphrases;

/// <summary>
/// What keyphrases need from one section, computed from that section alone and free of offsets:
/// its candidate phrases (runs of up to <see cref="MaxWords"/> content words within a sentence, keyed
/// by their stems, with their count and shortest written form), each stem's frequency, and which stems stand next to
/// each other (the word graph's edges).
/// </summary>
internal sealed class KeyphraseSection
{
    /// <summary>The longest phrase, in words.</summary>
    public const int MaxWords = 3;

    private KeyphraseSection(Candidate[] candidates, Dictionary<string, double> weights, Dictionary<(string, string), int> edges, int words)
    {
        Candidates = candidates;
        Weights = weights;
        Edges = edges;
        Words = words;
    }

    /// <summary>The section's candidates in order of first occurrence.</summary>
    public Candidate[] Candidates { get; }

    /// <summary>Each content stem's occurrences in the section.</summary>
    public Dictionary<string, double> Weights { get; }

    /// <summary>How often two stems stand next to each other (the pair in ordinal order), for the word graph.</summary>
    public Dictionary<(string, string), int> Edges { get; }

    /// <summary>The section's content words.</summary>
    public int Words { get; }

    /// <summary>Reads the candidates and weights of <paramref name="section"/>.</summary>
    public static KeyphraseSection Analyze(TextAnalysis section, CancellationToken cancellationToken = default)
    {
        var candidates = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        var order = new List<string>();
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var edges = new Dictionary<(string, string), int>();
        int words = 0;
        ReadOnlySpan<Token> tokens = section.Tokens;
        ReadOnlySpan<int> terms = section.TokenTerms;
        TermTable table = section.Terms.Terms;
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
                if (!tokens[t].IsWord || terms[t] < 0)
                {
                    consecutive = 0;
                    continue;
                }

                string stem = table[terms[t]];
                weights[stem] = weights.GetValueOrDefault(stem) + 1;
                words++;
                consecutive++;
                if (consecutive > 1 && table[terms[t - 1]] is var before && before != stem)
                {
                    (string, string) pair = string.CompareOrdinal(before, stem) < 0 ? (before, stem) : (stem, before);
                    edges[pair] = edges.GetValueOrDefault(pair) + 1;
                }
                for (int n = 1; n <= Math.Min(consecutive, MaxWords); n++)
                {
                    Add(section.Text, tokens, table, terms, t - n + 1, t, candidates, order);
                }
            }
        }

        var list = new Candidate[order.Count];
        for (int i = 0; i < list.Length; i++)
        {
            list[i] = candidates[order[i]];
        }

        return new KeyphraseSection(list, weights, edges, words);
    }

    private static void Add(string text, ReadOnlySpan<Token> tokens, TermTable table, ReadOnlySpan<int> terms, int first, int last, Dictionary<string, Candidate> candidates, List<string> order)
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

        string key = table[terms[first]];
        for (int t = first + 1; t <= last; t++)
        {
            key += " " + table[terms[t]];
        }

        if (candidates.TryGetValue(key, out Candidate? known))
        {
            known.Count++;
            if (tokens[last].End - tokens[first].Start < known.Text.Length)
            {
                known.Text = text[tokens[first].Start..tokens[last].End]; // the barest form: «الأمني» over «والأمني»
            }

            return;
        }

        string[] stems = new string[last - first + 1];
        for (int t = first; t <= last; t++)
        {
            stems[t - first] = table[terms[t]];
        }

        candidates.Add(key, new Candidate(key, stems, text[tokens[first].Start..tokens[last].End]) { Count = 1 });
        order.Add(key);
    }

    /// <summary>A candidate phrase: its stems, its shortest written form (the first of equals) and how often it occurs.</summary>
    internal sealed class Candidate(string key, string[] stems, string text)
    {
        public string Key { get; } = key;

        public string[] Stems { get; } = stems;

        public string Text { get; set; } = text;

        public int Count { get; set; }
    }
}
