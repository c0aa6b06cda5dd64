using CsCheck;
using Engine.Lexing;
using Engine.Lexing.Internal;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Lexing;

public class TokenizerPropertyTests
{
    private static readonly Gen<char> AnyChar = Gen.Frequency(
        (6, Gen.Char['\u0621', '\u064A']),
        (2, Gen.Char['\u064B', '\u0652']),
        (3, Gen.Char['a', 'z']),
        (1, Gen.Char['A', 'Z']),
        (2, Gen.Char['0', '9']),
        (1, Gen.Char['\u0660', '\u0669']),
        (1, Gen.Char['\u06F0', '\u06F9']),
        (3, Gen.OneOfConst(' ', ' ', '\n', '\r', '\t', '\u00A0', '\u2028')),
        (3, Gen.OneOfConst('.', ',', '،', '؛', '؟', '!', '?', ':', '…', '/', '-', '(', ')', '@', '#', '%', '_', '٫', '٬')),
        (3, Gen.OneOfConst('“', '”', '«', '»', '‘', '’', '„', '‹', '›', '"', '\'')),
        (1, Gen.OneOfConst('\u200E', '\u200F', '\u202B', '\u202C', '\u2067', '\u2069', '\u061C', '\uFEFF', '\u200C', '\u200D')),
        (1, Gen.OneOfConst('\u0640', '\u0670', '\u0301', '\u0308', '\u20DD')),
        (1, Gen.OneOfConst('\0', '\u0001', '\uFFFF', '\uD83D', '\uDE00', '\uDC00', '\uD800')),
        (1, Gen.Char['\u0400', '\u04FF']),
        (1, Gen.OneOfConst("http://x.co/a".ToCharArray())));

    private static readonly Gen<string> AnyText = AnyChar.Array[0, 120].Select(a => new string(a));

    [Fact]
    public void Tokenize_AnyText_TokensAndSkippedWhitespaceReproduceTheInput()
    {
        AnyText.Sample(text =>
        {
            Token[] tokens = Lex.Tokens(text);
            var rebuilt = new System.Text.StringBuilder(text.Length);
            int at = 0;
            foreach (Token t in tokens)
            {
                Assert.True(t.Start >= at, "tokens overlap or go backwards");
                Assert.True(t.Length > 0, "empty token");
                for (int i = at; i < t.Start; i++)
                {
                    Assert.True(IsSkippable(text[i]), $"non-whitespace U+{(int)text[i]:X4} at {i} fell between tokens");
                }

                rebuilt.Append(text, at, t.Start - at).Append(text, t.Start, t.Length);
                at = t.End;
            }

            for (int i = at; i < text.Length; i++)
            {
                Assert.True(IsSkippable(text[i]), $"non-whitespace U+{(int)text[i]:X4} after the last token");
            }

            rebuilt.Append(text, at, text.Length - at);
            Assert.Equal(text, rebuilt.ToString());
        }, iter: 5000);
    }

    [Fact]
    public void Split_AnyText_SentencesAreOrderedAndWithinTheText()
    {
        AnyText.Sample(text =>
        {
            int end = 0;
            foreach (var s in Lex.Sentences(text))
            {
                Assert.True(s.Start >= end && s.End > s.Start && s.End <= text.Length);
                end = s.End;
            }
        }, iter: 3000);
    }

    private static bool IsSkippable(char c) => CharClasses.Of(c) is CharClass.Space or CharClass.Ignorable or CharClass.Newline;
}
