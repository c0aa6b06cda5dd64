using Engine.Analysis;
using Engine.Buffers;

namespace Engine.Summarization.Internal;

/// <summary>How edges of the sentence graph are weighted.</summary>
internal enum SimilarityKind : byte
{
    /// <summary>Cosine of tf-idf vectors.</summary>
    Cosine,
    /// <summary>TextRank: shared terms / (ln |S1| + ln |S2|).</summary>
    Overlap,
}

/// <summary>
/// The similarity graph over a document's body sentences, built through an inverted index (only
/// sentence pairs that share a term are ever compared) and stored as compressed sparse rows.
/// Also holds the tf-idf weights used for redundancy checks. All arrays are rented and returned
/// by <see cref="Dispose"/>.
/// </summary>
internal sealed class SentenceGraph : IDisposable
{
    /// <summary>In a document of more than this many sentences, terms in more than <see cref="LargeDocumentMaxDf"/> of them are left out of the graph.</summary>
    private const int LargeDocument = 1000;

    /// <summary>
    /// In a long document a term that many sentences share says little about any pair of them, and
    /// comparing all those pairs would cost the square of its frequency.
    /// </summary>
    private const int LargeDocumentMaxDf = 64;

    private int[] _entryStart = [];   // per body sentence: first entry
    private int[] _entryTerm = [];
    private double[] _entryWeight = [];
    private double[] _norm = [];
    private int[] _rowStart = [];     // CSR
    private int[] _col = [];
    private double[] _weight = [];
    private int _edges;

    public int Count { get; private set; }

    /// <summary>Whether the edges are tf-idf cosines (of every pair sharing a term, above the threshold).</summary>
    public bool IsCosine { get; private set; }

    public ReadOnlySpan<int> RowStart => _rowStart.AsSpan(0, Count + 1);

    public ReadOnlySpan<int> Columns => _col.AsSpan(0, _edges);

    public ReadOnlySpan<double> Weights => _weight.AsSpan(0, _edges);

    /// <summary>Builds the graph over <paramref name="sentences"/> (indices into the analysis's sentences).</summary>
    public void Build(TextAnalysis analysis, ReadOnlySpan<int> sentences, SimilarityKind kind, double threshold)
    {
        int n = sentences.Length;
        Count = n;
        IsCosine = kind == SimilarityKind.Cosine;
        int entries = 0;
        foreach (int s in sentences)
        {
            entries += analysis.Vector(s).Length;
        }

        Rent(ref _entryStart, n + 1);
        Rent(ref _entryTerm, entries);
        Rent(ref _entryWeight, entries);
        Rent(ref _norm, n);
        long[] keys = EnginePools.Arrays<long>().Rent(Math.Max(1, entries));
        int[] groupOf = EnginePools.Arrays<int>().Rent(Math.Max(1, entries));
        int[] groupStart = EnginePools.Arrays<int>().Rent(entries + 1);
        int[] postings = EnginePools.Arrays<int>().Rent(Math.Max(1, entries));
        double[] acc = EnginePools.Arrays<double>().Rent(Math.Max(1, n));
        int[] touched = EnginePools.Arrays<int>().Rent(Math.Max(1, n));
        int[] sentenceOf = EnginePools.Arrays<int>().Rent(Math.Max(1, entries));
        try
        {
            FillEntries(analysis, sentences, keys, sentenceOf);
            WeighByTerm(kind, n, keys.AsSpan(0, entries), groupOf, groupStart, postings);
            Norms(kind, n);
            AddRows(kind, threshold, n, groupOf, groupStart, postings, sentenceOf, acc, touched);
        }
        finally
        {
            EnginePools.Arrays<long>().Return(keys);
            EnginePools.Arrays<int>().Return(groupOf);
            EnginePools.Arrays<int>().Return(groupStart);
            EnginePools.Arrays<int>().Return(postings);
            EnginePools.Arrays<double>().Return(acc);
            EnginePools.Arrays<int>().Return(touched);
            EnginePools.Arrays<int>().Return(sentenceOf);
        }
    }

    /// <summary>Each sentence's terms as entries (term, count), with a sort key (term, entry) per entry.</summary>
    private void FillEntries(TextAnalysis analysis, ReadOnlySpan<int> sentences, long[] keys, int[] sentenceOf)
    {
        int n = sentences.Length;
        int e = 0;
        for (int b = 0; b < n; b++)
        {
            _entryStart[b] = e;
            foreach (TermCount tc in analysis.Vector(sentences[b]))
            {
                _entryTerm[e] = tc.Term;
                _entryWeight[e] = tc.Count;
                sentenceOf[e] = b;
                keys[e] = ((long)tc.Term << 32) | (uint)e;
                e++;
            }
        }

        _entryStart[n] = e;
    }

    /// <summary>Groups the entries by term (postings) and weights each by tf-idf, or 1 for word overlap.</summary>
    private void WeighByTerm(SimilarityKind kind, int n, Span<long> sorted, int[] groupOf, int[] groupStart, int[] postings)
    {
        int entries = sorted.Length;
        sorted.Sort();

        // Group the postings by term; weight each entry by tf-idf (or 1 for overlap).
        int groups = 0;
        for (int p = 0; p < entries;)
        {
            int term = (int)(sorted[p] >> 32);
            int q = p;
            while (q < entries && (int)(sorted[q] >> 32) == term)
            {
                q++;
            }

            groupStart[groups] = p;
            double idf = Math.Log(1.0 + (double)n / (q - p));
            for (int k = p; k < q; k++)
            {
                int entry = (int)(uint)sorted[k];
                postings[k] = entry;
                groupOf[entry] = groups;
                _entryWeight[entry] = kind == SimilarityKind.Cosine ? _entryWeight[entry] * idf : 1.0;
            }

            groups++;
            p = q;
        }

        groupStart[groups] = entries;
    }

    /// <summary>Each sentence's norm: the length of its tf-idf vector, or its number of terms.</summary>
    private void Norms(SimilarityKind kind, int n)
    {
        for (int b = 0; b < n; b++)
        {
            double sum = 0;
            for (int k = _entryStart[b]; k < _entryStart[b + 1]; k++)
            {
                sum += _entryWeight[k] * _entryWeight[k];
            }

            _norm[b] = kind == SimilarityKind.Cosine ? Math.Sqrt(sum) : _entryStart[b + 1] - _entryStart[b];
        }
    }

    /// <summary>
    /// The rows: for each sentence, the similarity to every sentence it shares a term with, through
    /// the postings (terms in too many sentences of a large document are skipped), kept above
    /// <paramref name="threshold"/>.
    /// </summary>
    private void AddRows(SimilarityKind kind, double threshold, int n, int[] groupOf, int[] groupStart, int[] postings, int[] sentenceOf, double[] acc, int[] touched)
    {
        int maxDf = n > LargeDocument ? LargeDocumentMaxDf : int.MaxValue;
        Rent(ref _rowStart, n + 1);
        _edges = 0;
        Array.Clear(acc, 0, n);
        for (int b = 0; b < n; b++)
        {
            _rowStart[b] = _edges;
            int touchedCount = 0;
            for (int k = _entryStart[b]; k < _entryStart[b + 1]; k++)
            {
                int g = groupOf[k];
                int from = groupStart[g];
                int to = groupStart[g + 1];
                if (to - from > maxDf)
                {
                    continue;
                }

                double w = _entryWeight[k];
                for (int p = from; p < to; p++)
                {
                    int other = sentenceOf[postings[p]];
                    if (other == b)
                    {
                        continue;
                    }

                    if (acc[other] == 0)
                    {
                        touched[touchedCount++] = other;
                    }

                    acc[other] += w * _entryWeight[postings[p]];
                }
            }

            Span<int> row = touched.AsSpan(0, touchedCount);
            row.Sort();
            foreach (int other in row)
            {
                double sim = Similarity(kind, acc[other], b, other);
                acc[other] = 0;
                if (sim > threshold)
                {
                    AddEdge(other, sim);
                }
            }
        }

        _rowStart[n] = _edges;
    }

    /// <summary>Cosine similarity of two body sentences' tf-idf vectors (0 when either is empty).</summary>
    public double Cosine(int a, int b)
    {
        double na = _norm[a];
        double nb = _norm[b];
        if (na == 0 || nb == 0)
        {
            return 0;
        }

        int i = _entryStart[a];
        int j = _entryStart[b];
        int ie = _entryStart[a + 1];
        int je = _entryStart[b + 1];
        double dot = 0;
        while (i < ie && j < je)
        {
            int ti = _entryTerm[i];
            int tj = _entryTerm[j];
            if (ti == tj)
            {
                dot += _entryWeight[i++] * _entryWeight[j++];
            }
            else if (ti < tj)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return dot / (na * nb);
    }

    /// <summary>Cosine similarity of body sentence <paramref name="a"/> with an outside term vector, weighted by the same idf-free counts.</summary>
    public double CosineWith(int a, ReadOnlySpan<TermCount> other)
    {
        double dot = 0;
        double no = 0;
        double na = 0;
        foreach (TermCount t in other)
        {
            no += (double)t.Count * t.Count;
        }

        int i = _entryStart[a];
        int ie = _entryStart[a + 1];
        int j = 0;
        for (int k = i; k < ie; k++)
        {
            na += _entryWeight[k] * _entryWeight[k];
        }

        while (i < ie && j < other.Length)
        {
            if (_entryTerm[i] == other[j].Term)
            {
                dot += _entryWeight[i++] * other[j++].Count;
            }
            else if (_entryTerm[i] < other[j].Term)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return na == 0 || no == 0 ? 0 : dot / Math.Sqrt(na * no);
    }

    public void Dispose()
    {
        EnginePools.Return(ref _entryStart);
        EnginePools.Return(ref _entryTerm);
        EnginePools.Return(ref _entryWeight);
        EnginePools.Return(ref _norm);
        EnginePools.Return(ref _rowStart);
        EnginePools.Return(ref _col);
        EnginePools.Return(ref _weight);
        Count = 0;
        _edges = 0;
        IsCosine = false;
    }

    private double Similarity(SimilarityKind kind, double acc, int a, int b)
    {
        if (kind == SimilarityKind.Cosine)
        {
            double d = _norm[a] * _norm[b];
            return d == 0 ? 0 : acc / d;
        }

        // TextRank normalizes shared terms by the log lengths; one-term sentences have log 0.
        double denominator = Math.Log(_norm[a]) + Math.Log(_norm[b]);
        return denominator <= 0 ? 0 : acc / denominator;
    }

    private void AddEdge(int col, double weight)
    {
        if (_edges == _col.Length)
        {
            Grow(ref _col, Math.Max(64, _edges * 2));
            Grow(ref _weight, Math.Max(64, _edges * 2));
        }

        _col[_edges] = col;
        _weight[_edges] = weight;
        _edges++;
    }

    private static void Rent<T>(ref T[] array, int size)
    {
        if (array.Length < size)
        {
            EnginePools.Return(ref array);
            array = EnginePools.Arrays<T>().Rent(Math.Max(16, size));
        }
    }

    private static void Grow<T>(ref T[] array, int size)
    {
        T[] bigger = EnginePools.Arrays<T>().Rent(size);
        array.AsSpan().CopyTo(bigger);
        EnginePools.Return(ref array);
        array = bigger;
    }
}
