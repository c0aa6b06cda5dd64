using Engine.Buffers;
using Engine.Lexing;
using Engine.Sentences;
using Engine.Text;

namespace Engine.Analysis;

/// <summary>
/// The shared analysis of one text that summaries and quotes read: tokens, sentences, a term id
/// per token and a sorted term vector per sentence. Reusable: <see cref="Load(string, SentenceOptions?, CancellationToken)"/> clears and refills
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
    private readonly List<TextAnalysis> _children = [];
    private int[] _sectionStart = new int[4];         // per section: its first character, first sentence, first token
    private int[] _sectionFirstSentence = new int[4];
    private int _sectionCount;
    private int _paragraphEnd;
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

    /// <summary>
    /// Analyses <paramref name="text"/>, replacing whatever was loaded before. A long text is
    /// analysed section by section (<see cref="TextSections"/>), each section as a text of its
    /// own; <see cref="Tokens"/>, <see cref="TokenTerms"/> and <see cref="Sentences"/> still cover
    /// the whole text. <paramref name="cancellationToken"/> is checked between sections.
    /// </summary>
    public void Load(string text, SentenceOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= SentenceOptions.Default;
        using System.Diagnostics.Activity? span = EngineTelemetry.Source.StartActivity("engine.analyze");
        span?.SetTag("engine.text.chars", text.Length);
        int end = TextSections.End(text, 0);
        if (end >= text.Length)
        {
            LoadSection(text, options, atDocumentStart: true, cancellationToken);
            return;
        }

        Clear(text);
        for (int start = 0; start < text.Length; start = end, end = TextSections.End(text, start))
        {
            if (_sectionCount == _children.Count)
            {
                _children.Add(new TextAnalysis(Terms));
            }

            cancellationToken.ThrowIfCancellationRequested();
            TextAnalysis section = _children[_sectionCount];
            section.LoadSection(text[start..end], options, atDocumentStart: start == 0, cancellationToken);
            AddSection(start, section);
        }
    }

    /// <summary>Analyses <paramref name="text"/> as one section of a document (the first when <paramref name="atDocumentStart"/>).</summary>
    internal void LoadSection(string text, SentenceOptions options, bool atDocumentStart, CancellationToken cancellationToken = default)
    {
        Clear(text);
        Tokenizer.Tokenize(text, _tokens, cancellationToken);
        ReadOnlySpan<Token> tokens = _tokens.Span;
        for (int i = 0; i < tokens.Length; i++)
        {
            if ((i & 8191) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested(); // a section may be the whole text
            }

            _tokenTerms.Add(Terms.TermOf(text, tokens[i]));
        }

        cancellationToken.ThrowIfCancellationRequested();
        SplitAndBuildVectors(options, atDocumentStart, cancellationToken);
    }

    /// <summary>
    /// Loads a section whose tokens and term ids are already known (an incremental update reuses
    /// them): everything after lexing is computed as <see cref="LoadSection"/> does, so the result is the same.
    /// </summary>
    internal void LoadLexed(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<int> tokenTerms, SentenceOptions options, bool atDocumentStart)
    {
        Clear(text);
        _tokens.AddRange(tokens);
        _tokenTerms.AddRange(tokenTerms);
        SplitAndBuildVectors(options, atDocumentStart);
    }

    /// <summary>How many sections the text was analysed in (1 for a text shorter than a section).</summary>
    internal int SectionCount => _sectionCount == 0 ? 1 : _sectionCount;

    /// <summary>Section <paramref name="i"/>'s own analysis (this one when the text is one section).</summary>
    internal TextAnalysis Section(int i) => _sectionCount == 0 ? this : _children[i];

    /// <summary>Where section <paramref name="i"/> starts in the text.</summary>
    internal int SectionStart(int i) => _sectionCount == 0 ? 0 : _sectionStart[i];

    /// <summary>The index in <see cref="Sentences"/> of section <paramref name="i"/>'s first sentence.</summary>
    internal int SectionFirstSentence(int i) => _sectionCount == 0 ? 0 : _sectionFirstSentence[i];

    /// <summary>How many section analyses this one keeps for reuse (the most a text it loaded needed).</summary>
    internal int RetainedSections => _children.Count;

    /// <summary>One past the last paragraph number used, where a following section's paragraphs would start.</summary>
    internal int ParagraphEnd => _paragraphEnd;

    private void AddSection(int start, TextAnalysis section)
    {
        if (_sectionCount == _sectionStart.Length)
        {
            Array.Resize(ref _sectionStart, _sectionCount * 2);
            Array.Resize(ref _sectionFirstSentence, _sectionCount * 2);
        }

        int firstToken = _tokens.Count;
        _sectionStart[_sectionCount] = start;
        _sectionFirstSentence[_sectionCount] = _sentences.Count;
        _sectionCount++;
        foreach (Token t in section.Tokens)
        {
            _tokens.Add(t with { Start = t.Start + start });
        }

        _tokenTerms.AddRange(section.TokenTerms);
        foreach (Sentence s in section.Sentences)
        {
            _sentences.Add(s.Shifted(start, firstToken, _paragraphEnd));
        }

        for (int i = 0; i < section.Sentences.Length; i++)
        {
            _wordCounts.Add(section.WordCount(i));
        }

        _paragraphEnd += section.ParagraphEnd;
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
        _sectionCount = 0;
        _paragraphEnd = 0;
    }

    private void SplitAndBuildVectors(SentenceOptions options, bool atDocumentStart, CancellationToken cancellationToken = default)
    {
        _paragraphEnd = SentenceSplitter.SplitSection(_text, _tokens.Span, _sentences, options, atDocumentStart, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        BuildVectors();
    }

    /// <summary>
    /// The document-local id of a term: terms are numbered by first occurrence in this text, so
    /// vectors (and every sum over them) come out the same whatever the term table saw before.
    /// A term the text does not hold gets the next free number when <paramref name="add"/> is set.
    /// </summary>
    internal int LocalTerm(int term, bool add = true)
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

    /// <summary>How many distinct terms the text holds (its local ids are 0 to this − 1).</summary>
    internal int LocalTermCount => _localIds.Count;

    /// <summary>The sorted term vector (document-local term ids) of sentence <paramref name="sentence"/>.</summary>
    internal ReadOnlySpan<TermCount> Vector(int sentence) =>
        _vectors.Span[_vectorStarts[sentence].._vectorStarts[sentence + 1]];

    /// <summary>The number of words and numbers in sentence <paramref name="sentence"/>.</summary>
    internal int WordCount(int sentence) => _wordCounts[sentence];

    /// <summary>Returns the pooled arrays.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        EnginePools.AnalysisDisposed();
        foreach (TextAnalysis section in _children)
        {
            section.Dispose();
        }

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
