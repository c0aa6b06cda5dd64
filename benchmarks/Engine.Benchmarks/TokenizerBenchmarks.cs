using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Engine.Benchmarks.Infrastructure;
using Engine.Lexing;
using Analyzer = Lucene.Net.Analysis.Analyzer;
using TokenStream = Lucene.Net.Analysis.TokenStream;
using Token = Engine.Lexing.Token;
using Tokenizer = Engine.Lexing.Tokenizer;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Engine.Benchmarks;

/// <summary>
/// Lexing the 80 news articles, one document per operation: Lucene.NET's ArabicAnalyzer (the
/// baseline) and a compiled Regex word tokenizer against our tokenizer alone and our full
/// tokenize + normalize + stem + intern path.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public partial class TokenizerBenchmarks : IHasPayload
{
    private const int Documents = 80;
    private string[] _docs = [];
    private Analyzer _lucene = null!;
    private TermAnalyzer _terms = null!;

    public long BytesPerOperation { get; private set; }

    [GeneratedRegex(@"[\p{L}\p{M}\p{Nd}]+|[^\s\p{L}\p{M}\p{Nd}]", RegexOptions.CultureInvariant)]
    private static partial Regex WordRegex();

    [GlobalSetup]
    public void Setup()
    {
        _docs = Corpus.News();
        if (_docs.Length != Documents)
        {
            throw new InvalidOperationException($"expected {Documents} news articles, found {_docs.Length}");
        }

        BytesPerOperation = _docs.Sum(d => (long)d.Length * sizeof(char)) / Documents;
        _lucene = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        _terms = new TermAnalyzer();
        EngineFull(); // intern the corpus's terms once, as a long-running worker would have
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Documents, Description = "Lucene.NET ArabicAnalyzer")]
    public int Lucene()
    {
        int count = 0;
        foreach (string doc in _docs)
        {
            using TokenStream stream = _lucene.GetTokenStream("body", new StringReader(doc));
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                count += term.Length;
            }

            stream.End();
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Documents, Description = "Regex word tokenizer")]
    public int Regex()
    {
        int count = 0;
        foreach (string doc in _docs)
        {
            foreach (ValueMatch m in WordRegex().EnumerateMatches(doc))
            {
                count += m.Length;
            }
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Documents, Description = "Engine tokenizer")]
    public int EngineTokenize()
    {
        int count = 0;
        foreach (string doc in _docs)
        {
            var tokenizer = new Tokenizer(doc);
            while (tokenizer.Read(out Token t))
            {
                count += t.Length;
            }
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Documents, Description = "Engine tokenize+normalize+stem+intern")]
    public int EngineFull()
    {
        int count = 0;
        TermAnalyzer terms = _terms;
        foreach (string doc in _docs)
        {
            var tokenizer = new Tokenizer(doc);
            while (tokenizer.Read(out Token t))
            {
                count += terms.TermOf(doc, t);
            }
        }

        return count;
    }
}
