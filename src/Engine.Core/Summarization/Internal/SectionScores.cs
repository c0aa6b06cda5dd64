using Engine.Analysis;
using Engine.Buffers;
using Engine.Lexing;
using Engine.Sentences;

namespace Engine.Summarization.Internal;

/// <summary>
/// What a summary needs from one section, computed from that section alone: its body sentences,
/// their word counts, centrality (LexRank over the section's similarity graph), length,
/// paragraph-start and title-overlap features, and the graph itself for redundancy checks. A
/// document's summary combines the sections' scores (<see cref="Summarizer"/>); an incremental
/// session keeps them for every section an edit did not touch. Rented arrays, returned by
/// <see cref="Dispose"/>.
/// </summary>
internal sealed class SectionScores : IDisposable
{
    private int[] _body;
    private int[] _words;
    private double[] _centrality;
    private double[] _length;
    private double[] _paragraphStart;
    private double[] _titleOverlap;

    private SectionScores(TextAnalysis analysis, int bodyCount)
    {
        Analysis = analysis;
        BodyCount = bodyCount;
        int size = Math.Max(1, bodyCount);
        _body = EnginePools.Arrays<int>().Rent(size);
        _words = EnginePools.Arrays<int>().Rent(size);
        _centrality = EnginePools.Arrays<double>().Rent(size);
        _length = EnginePools.Arrays<double>().Rent(size);
        _paragraphStart = EnginePools.Arrays<double>().Rent(size);
        _titleOverlap = EnginePools.Arrays<double>().Rent(size);
    }

    /// <summary>The section's analysis (sentence and token indices below are into it).</summary>
    public TextAnalysis Analysis { get; }

    /// <summary>How many body sentences the section holds.</summary>
    public int BodyCount { get; }

    /// <summary>The words of all its body sentences.</summary>
    public int Words { get; private set; }

    /// <summary>The section's first title sentence, or −1.</summary>
    public int TitleIndex { get; private set; } = -1;

    /// <summary>The similarity graph over the body sentences (empty for Lead).</summary>
    public SentenceGraph Graph { get; } = new();

    /// <summary>Each body sentence's index among the section's sentences.</summary>
    public ReadOnlySpan<int> Body => _body.AsSpan(0, BodyCount);

    /// <summary>Each body sentence's words.</summary>
    public ReadOnlySpan<int> WordCounts => _words.AsSpan(0, BodyCount);

    /// <summary>The engine's centrality (normalized to the section's most central sentence), or the PageRank of TextRank and LexRank.</summary>
    public ReadOnlySpan<double> Centrality => _centrality.AsSpan(0, BodyCount);

    /// <summary>The length feature.</summary>
    public ReadOnlySpan<double> Length => _length.AsSpan(0, BodyCount);

    /// <summary>1 where a body sentence opens its paragraph.</summary>
    public ReadOnlySpan<double> ParagraphStart => _paragraphStart.AsSpan(0, BodyCount);

    /// <summary>Cosine with the document's title (filled by <see cref="ScoreTitle"/>).</summary>
    public ReadOnlySpan<double> TitleOverlap => _titleOverlap.AsSpan(0, BodyCount);

    /// <summary>The title terms <see cref="TitleOverlap"/> was computed for.</summary>
    public int[]? TitleTerms { get; private set; }

    /// <summary>Scores section <paramref name="analysis"/> for <paramref name="options"/>' algorithm.</summary>
    public static SectionScores Compute(TextAnalysis analysis, SummarizerOptions options)
    {
        ReadOnlySpan<Sentence> all = analysis.Sentences;
        int n = 0;
        foreach (Sentence s in all)
        {
            n += s.IsBody ? 1 : 0;
        }

        var scores = new SectionScores(analysis, n);
        try
        {
            scores.Fill(options);
            return scores;
        }
        catch
        {
            scores.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The global term ids of the document's title: <paramref name="explicitTitle"/> when given,
    /// else the title sentence of <paramref name="first"/> (the document's first section), else none.
    /// </summary>
    public static int[] DocumentTitleTerms(string? explicitTitle, SectionScores first)
    {
        var ids = new List<int>();
        TextAnalysis analysis = first.Analysis;
        if (explicitTitle is { Length: > 0 })
        {
            var tokenizer = new Tokenizer(explicitTitle);
            while (tokenizer.Read(out Token t))
            {
                int id = analysis.Terms.TermOf(explicitTitle, t);
                if (id >= 0)
                {
                    ids.Add(id);
                }
            }
        }
        else if (first.TitleIndex >= 0)
        {
            Sentence title = analysis.Sentences[first.TitleIndex];
            foreach (int id in analysis.TokenTerms.Slice(title.FirstToken, title.TokenCount))
            {
                if (id >= 0)
                {
                    ids.Add(id);
                }
            }
        }

        return [.. ids];
    }

    /// <summary>
    /// Fills <see cref="TitleOverlap"/> for <paramref name="titleTerms"/> (global term ids), unless
    /// it already holds them. Terms the section lacks are numbered after its own, in order of first
    /// appearance, so the title vector is the same whichever sections came before.
    /// </summary>
    public void ScoreTitle(int[] titleTerms)
    {
        if (TitleTerms is not null && titleTerms.AsSpan().SequenceEqual(TitleTerms))
        {
            return;
        }

        TitleTerms = titleTerms;
        Span<double> overlap = _titleOverlap.AsSpan(0, BodyCount);
        overlap.Clear();
        if (titleTerms.Length == 0 || BodyCount == 0)
        {
            return;
        }

        using var local = new PooledList<int>(Math.Max(1, titleTerms.Length));
        Dictionary<int, int>? absent = null;
        foreach (int id in titleTerms)
        {
            int l = Analysis.LocalTerm(id, add: false);
            if (l < 0)
            {
                absent ??= [];
                if (!absent.TryGetValue(id, out l))
                {
                    l = Analysis.LocalTermCount + absent.Count;
                    absent.Add(id, l);
                }
            }

            local.Add(l);
        }

        using var vector = new PooledList<TermCount>(titleTerms.Length);
        TextAnalysis.AppendRuns(local.Span, vector);
        for (int b = 0; b < BodyCount; b++)
        {
            overlap[b] = Graph.CosineWith(b, vector.Span);
        }
    }

    public void Dispose()
    {
        Graph.Dispose();
        EnginePools.Return(ref _body);
        EnginePools.Return(ref _words);
        EnginePools.Return(ref _centrality);
        EnginePools.Return(ref _length);
        EnginePools.Return(ref _paragraphStart);
        EnginePools.Return(ref _titleOverlap);
    }

    private void Fill(SummarizerOptions options)
    {
        ReadOnlySpan<Sentence> all = Analysis.Sentences;
        int n = 0;
        int words = 0;
        for (int i = 0; i < all.Length; i++)
        {
            if (all[i].IsBody)
            {
                _body[n] = i;
                _words[n] = Analysis.WordCount(i);
                _paragraphStart[n] = i == 0 || all[i - 1].Paragraph != all[i].Paragraph ? 1 : 0;
                words += _words[n];
                n++;
            }
            else if (all[i].Kind == SentenceKind.Title && TitleIndex < 0)
            {
                TitleIndex = i;
            }
        }

        Words = words;
        Span<double> centrality = _centrality.AsSpan(0, n);
        Span<double> length = _length.AsSpan(0, n);
        centrality.Clear();
        length.Clear();
        _titleOverlap.AsSpan(0, n).Clear();
        if (n == 0)
        {
            return;
        }

        ScoringStrategy.For(options.Algorithm).ScoreSection(this, centrality, length, options.Weights);
    }

    /// <summary>Fills <paramref name="rank"/> with the PageRank of <see cref="Graph"/>.</summary>
    public void Rank(Span<double> rank)
    {
        int n = rank.Length;
        double[] work = EnginePools.Arrays<double>().Rent(3 * n);
        try
        {
            PageRank.Compute(Graph.RowStart, Graph.Columns, Graph.Weights, rank, work.AsSpan(0, n), work.AsSpan(n, n), work.AsSpan(2 * n, n));
        }
        finally
        {
            EnginePools.Arrays<double>().Return(work);
        }
    }
}
