using Engine.Lexing;
using Engine.Quotes.Internal;

namespace Engine.Quotes;

public static partial class QuoteExtractor
{
    /// <summary>Building quotes: content spans, kinds, claimed quotations.</summary>
    private sealed partial class Run
    {
        /// <summary>Builds the quote for a cue whose reported material starts at <paramref name="anchor"/> (a complementizer, a colon or an opening mark).</summary>
        private void Emit(int cueFirst, int cueLast, int anchor, int end, SpeakerEntity? speaker, TextSpan mention, QuoteEvidence evidence)
        {
            int start = doc.OpenAt[anchor] >= 0 ? anchor : anchor + 1;
            if (start > end)
            {
                return;
            }

            if (doc.IsPunct(anchor, ':') && start <= end && doc.OpenAt[start] < 0 && doc.Tokens[start].Kind == TokenKind.QuoteMark)
            {
                start++;
                if (start > end)
                {
                    return; // قال: ' and nothing after the stray mark
                }
            }

            TextSpan cueSpan = doc.SpanOf(cueFirst, cueLast);
            int q = doc.OpenAt[start];
            if (q >= 0 && !_claimed[q])
            {
                QuotedSpan quoted = doc.Quotes[q];
                int close = quoted.Close >= 0 ? quoted.Close : doc.UnclosedEnd(start);
                int sentenceEnd = doc.SentenceEnd(doc.SentenceOf[Math.Min(close, doc.Tokens.Length - 1)]);
                int after = close <= end ? WordsBetween(close + 1, end) : 0;
                _claimed[q] = true;
                // “…”، الذي … / “…”، في إشارة إلى …: what follows the comma is the journalist's, not the source's.
                bool framed = close + 1 <= end && doc.IsComma(close + 1) && (IsClauseBreak(close + 1) || CueLexicon.Relatives.Contains(doc.Norm(close + 2)));
                if (after >= 2 && !framed)
                {
                    int mixedEnd = doc.TrimEnd(start, ClauseEnd(close, end));
                    Add(QuoteKind.Mixed, doc.SpanOf(start, mixedEnd), cueSpan, speaker, mention, evidence);
                    _claimedUntil = Math.Max(_claimedUntil, mixedEnd);
                }
                else
                {
                    int inner = doc.TrimEnd(start + 1, quoted.Close >= 0 ? close - 1 : close);
                    if (inner < start + 1)
                    {
                        return; // an empty quotation («») or one whose mark ends the text: nothing was said
                    }

                    Add(QuoteKind.Direct, doc.SpanOf(start + 1, inner), cueSpan, speaker, mention, evidence);
                    _claimedUntil = Math.Max(_claimedUntil, Math.Max(close, sentenceEnd > close && WordsBetween(close + 1, sentenceEnd) == 0 ? sentenceEnd : close));
                }

                return;
            }

            int last = doc.TrimEnd(start, ClauseEnd(start, end));
            if (last < start || WordsBetween(start, last) == 0)
            {
                return;
            }

            QuoteKind kind = ClaimFragments(start, last) ? QuoteKind.Mixed : QuoteKind.Indirect;
            Add(kind, doc.SpanOf(start, last), cueSpan, speaker, mention, evidence);
            _claimedUntil = Math.Max(_claimedUntil, last);
        }

        private void EmitContent(Cue cue, int start, int last, SpeakerEntity? speaker, TextSpan mention, QuoteEvidence evidence)
        {
            if (last < start || WordsBetween(start, last) < 2)
            {
                return;
            }

            QuoteKind kind = ClaimFragments(start, last) ? QuoteKind.Mixed : QuoteKind.Indirect;
            int q = doc.OpenAt[start];
            if (q >= 0 && doc.Quotes[q].Close >= 0 && WordsBetween(doc.Quotes[q].Close + 1, last) == 0)
            {
                kind = QuoteKind.Direct;
                start++;
                last = doc.TrimEnd(start, doc.Quotes[q].Close - 1);
            }

            Add(kind, doc.SpanOf(start, last), doc.SpanOf(cue.First, cue.Last), speaker, mention, evidence);
            _claimedUntil = Math.Max(_claimedUntil, last);
        }

        /// <summary>Claims the quoted fragments (of more than a name) inside a clause; true when there is one.</summary>
        private bool ClaimFragments(int start, int last)
        {
            bool any = false;
            for (int k = start; k <= last; k++)
            {
                int q = doc.OpenAt[k];
                if (q >= 0 && doc.Quotes[q].Words >= 3)
                {
                    _claimed[q] = true;
                    any = true;
                }
            }

            return any;
        }

        private void Add(QuoteKind kind, TextSpan content, TextSpan cue, SpeakerEntity? speaker, TextSpan mention, QuoteEvidence evidence)
        {
            string text = doc.Text;
            string speakerText = mention.Of(text);
            string canonical = speaker is null ? string.Empty : _resolver.Canonical(speaker).Of(text);
            string name = speaker?.Name ?? string.Empty;
            if (speaker is null)
            {
                diagnostics.Add(new QuoteDiagnostic(QuoteDiagnostic.NoSpeaker, "No speaker found for the quote reported by '" + cue.Of(text) + "'.", content));
            }
            else
            {
                _resolver.Last = speaker;
            }

            var quote = new Quote
            {
                Kind = kind,
                Content = content.Of(text),
                Speaker = speakerText,
                SpeakerName = name,
                SpeakerCanonical = canonical,
                Cue = cue.Of(text),
                ContentSpan = content,
                SpeakerSpan = mention,
                CueSpan = cue,
                Confidence = 0,
                Evidence = evidence,
            };
            Quotes.Add(quote with { Confidence = ConfidenceModel.Default.Predict(quote) });
        }
    }
}
