using Engine.Lexing;
using Engine.Quotes.Internal;

namespace Engine.Quotes;

public static partial class QuoteExtractor
{
    /// <summary>Quotations followed by their cue: «…»، قال فلان.</summary>
    private sealed partial class Run
    {
        /// <summary>“…”، قال فلان: a quotation followed by its cue.</summary>
        private void QuoteThenVerb(int first, int last)
        {
            for (int t = first; t <= last; t++)
            {
                CheckCancellation(t);
                int q = doc.OpenAt[t];
                if (q < 0 || _claimed[q] || t <= _claimedUntil || doc.Quotes[q].Words < 3 || doc.Quotes[q].Close < 0)
                {
                    continue;
                }

                int close = doc.Quotes[q].Close;
                int v = close + 1;
                while (v < doc.Tokens.Length && doc.Tokens[v].Kind is TokenKind.Punctuation && !doc.IsPunct(v, '(') && v <= close + 2)
                {
                    v++;
                }

                if (!doc.IsWord(v) || !CueLexicon.Matches(CueLexicon.Verbs, doc.Norm(v), out _))
                {
                    continue;
                }

                int sentenceEnd = doc.SentenceEnd(doc.SentenceOf[v]);
                int npLast = v;
                for (int j = v + 1; j <= sentenceEnd && j <= v + MaxSpeakerWords; j++)
                {
                    if (doc.IsComma(j) || doc.Tokens[j].IsTerminal || CueLexicon.Complementizers.Contains(doc.Norm(j)) || doc.Tokens[j].Kind == TokenKind.QuoteMark)
                    {
                        break;
                    }

                    npLast = j;
                }

                var (npFirst, npEnd) = TrimSpeaker(v + 1, npLast);
                SpeakerEntity? speaker;
                TextSpan mention;
                SpeakerRule rule;
                if (npEnd >= npFirst)
                {
                    speaker = _resolver.Resolve(npFirst, npEnd);
                    mention = doc.SpanOf(npFirst, npEnd);
                    rule = SpeakerRule.Written;
                }
                else
                {
                    speaker = _resolver.Last;
                    mention = speaker?.LastMention ?? TextSpan.None;
                    rule = speaker is null ? SpeakerRule.None : SpeakerRule.Thread;
                }

                _claimed[q] = true;
                int inner = doc.TrimEnd(t + 1, close - 1);
                Add(QuoteKind.Direct, doc.SpanOf(t + 1, inner), doc.SpanOf(v, v), speaker, mention, new QuoteEvidence(CueRule.QuoteFirst, rule));
                _claimedUntil = Math.Max(_claimedUntil, close);
                t = close;
            }
        }
    }
}
