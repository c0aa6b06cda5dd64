using Engine.Buffers;
using Engine.Lexing;
using Engine.Sentences;

namespace Engine.Tests.Infrastructure;

/// <summary>Test shorthands over the span-based API.</summary>
public static class Lex
{
    public static Token[] Tokens(string text)
    {
        using var list = new PooledList<Token>();
        Tokenizer.Tokenize(text, list);
        return list.ToArray();
    }

    public static Sentence[] Sentences(string text)
    {
        using var tokens = new PooledList<Token>();
        using var sentences = new PooledList<Sentence>();
        Tokenizer.Tokenize(text, tokens);
        SentenceSplitter.Split(text, tokens.Span, sentences);
        return sentences.ToArray();
    }

    public static string[] Texts(string text, IEnumerable<Token> tokens) => tokens.Select(t => text.Substring(t.Start, t.Length)).ToArray();

    public static string Stem(string word)
    {
        Span<char> buffer = stackalloc char[word.Length];
        int n = ArabicNormalizer.Normalize(word, buffer);
        n = ArabicStemmer.Stem(buffer[..n]);
        return new string(buffer[..n]);
    }
}
