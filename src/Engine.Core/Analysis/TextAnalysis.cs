using Engine.Buffers;
using Engine.Lexing;
using Engine.Sentences;

namespace Engine.Analysis;

/// <summary>
/// The shared analysis of one text that summaries and quotes read: tokens, sentences, a term id
/// per token and a sorted term vector per sentence. Reusable: <see cref="Load(string, SentenceOptions?)"/> clears and refills
/// it, keeping its pooled arrays, so a pooled instance analyses document after document without
/// allocating. One owner at a time; <see cref="Dispose"/> returns the arrays to the pool.
/// </summary>
public sealed class TextAnalysis : IDisposable
{
    private readonly PooledList<Token> _tokens = new(1024);
    private readonly PooledList<Sentence> _sentences = new(64);
    private readonly PooledList<int> _tokenTerms = new(1024);
    private readonly PooledList<TermCount> _vectors = new(1024);
    private readonly PooledList<int> _vectorStarts = new(64);
    private readonly PooledList<int> _wordCounts = new(64);
    private readonly Dictionary<int, int> _localIds = new(1024);
    private string _text = string.Empty;
    private bool _disposed;

    /// <summary>Creates an analysis that interns terms with <paramref name="terms"/> (its own by default).</summary>
    public TextAnalysis(TermAnalyzer? terms = null)
    {
        Terms = terms ?? new TermAnalyzer();
        EnginePools.AnalysisCreated();
    }

    /// <summary>The term analyzer; term ids are meaningful only within it.</summary>
    public TermAnalyzer Terms { get; }

    /// <summary>The analysed text.</summary>
    public string Text => _text;

    /// <summary>All tokens.</summary>
    public ReadOnlySpan<Token> Tokens => _tokens.Span;

    /// <summary>All sentences, title and headings included, in document order.</summary>
    public ReadOnlySpan<Sentence> Sentences => _sentences.Span;

    /// <summary>The term id of each token (parallel to <see cref="Tokens"/>), <see cref="TermAnalyzer.NoTerm"/> for stop words and punctuation.</summary>
    public ReadOnlySpan<int> TokenTerms => _tokenTerms.Span;

    /// <summary>Analyses <paramref name="text"/>, replacing whatever was loaded before.</summary>
    public void Load(string text, SentenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Clear(text);
        Tokenizer.Tokenize(text, _tokens);
        foreach (Token t in _tokens.Span)
        {
            _tokenTerms.Add(Terms.TermOf(text, t));
        }

        SplitAndBuildVectors(options);
    }

    /// <summary>
    /// Loads a text whose tokens and term ids are already known (an incremental update reuses
    /// them): everything after lexing is computed as <see cref="Load(string, SentenceOptions?)"/> does, so the result is the same.
    /// </summary>
    internal void LoadLexed(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<int> tokenTerms, SentenceOptions? options = null)
    {
        Clear(text);
        foreach (Token t in tokens)
        {
            _tokens.Add(t);
        }

        foreach (int term in tokenTerms)
        {
            _tokenTerms.Add(term);
        }

        SplitAndBuildVectors(options);
    }

    private void Clear(string text)
    {
        _text = text;
        _tokens.Clear();
        _sentences.Clear();
        _tokenTerms.Clear();
        _vectors.Clear();
        _vectorStarts.Clear();
        _wordCounts.Clear();
        _localIds.Clear();
    }

    private void SplitAndBuildVectors(SentenceOptions? options)
    {
        SentenceSplitter.Split(_text, _tokens.Span, _sentences, options);
        BuildVectors();
    }

    /// <summary>
    /// The document-local id of a term: terms are numbered by first occurrence in this text, so
    /// vectors (and every sum over them) come out the same whatever the term table saw before.
    /// A term the text does not hold gets the next free number when <paramref name="add"/> is set.
    /// </summary>
    public int LocalTerm(int term, bool add = true)
    {
        if (_localIds.TryGetValue(term, out int local))
        {
            return local;
        }

        if (!add)
        {
            return -1;
        }

        local = _localIds.Count;
        _localIds.Add(term, local);
        return local;
    }

    /// <summary>The sorted term vector (document-local term ids) of sentence <paramref name="sentence"/>.</summary>
    public ReadOnlySpan<TermCount> Vector(int sentence) =>
        _vectors.Span[_vectorStarts[sentence].._vectorStarts[sentence + 1]];

    /// <summary>The number of words and numbers in sentence <paramref name="sentence"/>.</summary>
    public int WordCount(int sentence) => _wordCounts[sentence];

    /// <summary>Returns the pooled arrays.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        EnginePools.AnalysisDisposed();
        _tokens.Dispose();
        _sentences.Dispose();
        _tokenTerms.Dispose();
        _vectors.Dispose();
        _vectorStarts.Dispose();
        _wordCounts.Dispose();
    }

    /// <summary>Sorts <paramref name="ids"/> and appends each distinct id with its count.</summary>
    internal static void AppendRuns(Span<int> ids, PooledList<TermCount> into)
    {
        ids.Sort();
        for (int i = 0; i < ids.Length;)
        {
            int j = i + 1;
            while (j < ids.Length && ids[j] == ids[i])
            {
                j++;
            }

            into.Add(new TermCount(ids[i], j - i));
            i = j;
        }
    }

    private void BuildVectors()
    {
        ReadOnlySpan<Token> tokens = _tokens.Span;
        ReadOnlySpan<int> terms = _tokenTerms.Span;
        Span<int> scratch = stackalloc int[256];
        foreach (Sentence s in _sentences.Span)
        {
            _vectorStarts.Add(_vectors.Count);
            int words = 0;
            int n = 0;
            int[]? rented = null;
            if (s.TokenCount > scratch.Length)
            {
                rented = EnginePools.Arrays<int>().Rent(s.TokenCount);
            }

            Span<int> ids = rented ?? scratch;
            for (int k = s.FirstToken; k < s.FirstToken + s.TokenCount; k++)
            {
                if (tokens[k].IsWord || tokens[k].Kind == TokenKind.Number)
                {
                    words++;
                }

                if (terms[k] >= 0)
                {
                    ids[n++] = LocalTerm(terms[k]);
                }
            }

            AppendRuns(ids[..n], _vectors);
            if (rented is not null)
            {
                EnginePools.Arrays<int>().Return(rented);
            }

            _wordCounts.Add(words);
        }

        _vectorStarts.Add(_vectors.Count);
    }
}
