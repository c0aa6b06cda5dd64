using Engine.Lexing;
using Engine.Quotes.Internal;

namespace Engine.Quotes;

public static partial class QuoteExtractor
{
    /// <summary>Attribution phrases: بحسب، وفقا لـ، نقلا عن، على لسان، جاء في، على حدّ قوله.</summary>
    private sealed partial class Run
    {
        /// <summary>Whether an attribution phrase starts at <paramref name="t"/> (بحسب، وفقا لـ، نقلا عن، على لسان، جاء في، على حدّ قوله); <paramref name="end"/> is its last token.</summary>
        private bool AttributionCue(int t, string n, out int end)
        {
            end = t;
            string bare = n.Length > 3 && n[0] == 'و' ? n[1..] : n;
            if (CueLexicon.AttributionHeads.Contains(bare))
            {
                string next = doc.Norm(t + 1);
                if ((bare is "حسب" or "بحسب" or "وفق" or "وفقا") && next == "ما" && CueLexicon.Matches(CueLexicon.Verbs, doc.Norm(t + 2), out _))
                {
                    end = t + 2;
                }
                else if (bare == "حسبما" && CueLexicon.Matches(CueLexicon.Verbs, next, out _))
                {
                    end = t + 1;
                }
                else if ((bare is "وفقا" or "وفق" or "طبقا") && next == "ل")
                {
                    end = t + 1;
                }
                else if (bare == "نقلا" && next == "عن")
                {
                    end = t + 1;
                }
                else if (bare == "نقلا")
                {
                    return false;
                }

                return true;
            }

            if (n == "علي" && doc.Norm(t + 1) == "ما" && CueLexicon.Matches(CueLexicon.Verbs, doc.Norm(t + 2), out _))
            {
                end = t + 2; // على ما قال / على ما توقّع
                return true;
            }

            if (n == "علي" && doc.Norm(t + 1) == "لسان")
            {
                end = t + 1;
                return true;
            }

            if (bare == "جاء" && doc.Norm(t + 1) is "في" or "فيه" or "فيها")
            {
                end = t + 1;
                return true;
            }

            if (n == "علي" && doc.Norm(t + 1) == "حد" && CueLexicon.SayingNouns.Contains(doc.Norm(t + 2)))
            {
                end = t + 2;
                return true;
            }

            return false;
        }

        private SpeakerEntity? Attribution(Cue cue, int first, int last)
        {
            if (CueLexicon.SayingNouns.Contains(doc.Norm(cue.Last)))
            {
                // على حد قوله: the clause before belongs to the last speaker.
                SpeakerEntity? current = _resolver.Last;
                int contentEnd = TrimComma(cue.First - 1);
                if (contentEnd > first)
                {
                    EmitContent(cue, SkipConnectors(first, contentEnd), contentEnd, current, current?.LastMention ?? TextSpan.None, new QuoteEvidence(CueRule.TrailingAttribution, current is null ? SpeakerRule.None : SpeakerRule.Thread));
                }

                return current;
            }

            int np = cue.Last + 1;
            int npLast = SourcePhraseEnd(np, last);

            if (CueLexicon.SayingNouns.Contains(doc.Norm(np)))
            {
                // بحسب قوله، فإن …: the last source's words.
                SpeakerEntity? current = _resolver.Last;
                int c = np + 1;
                while (c <= last && (doc.IsComma(c) || CueLexicon.ResultConnectors.Contains(doc.Norm(c))))
                {
                    c++;
                }

                if (c < last && current is not null)
                {
                    EmitContent(cue, c, doc.TrimEnd(c, last), current, current.LastMention, new QuoteEvidence(CueRule.TrailingAttribution, SpeakerRule.Thread));
                }

                return current;
            }

            (np, npLast) = TrimSpeaker(np, npLast);
            int afterNp = doc.IsComma(npLast + 1) ? npLast + 2 : npLast + 1;
            if (npLast < np || (CueLexicon.Relatives.Contains(doc.Norm(afterNp)) && CueLexicon.Matches(CueLexicon.Verbs, doc.Norm(afterNp + 1), out _)))
            {
                return null; // على لسان الوزير، الذي قال إن …: the relative clause's verb is the cue
            }

            SpeakerEntity? previous = _resolver.Last;
            SpeakerEntity speaker = _resolver.Resolve(np, npLast);
            TextSpan mention = doc.SpanOf(np, npLast);
            bool document = doc.Norm(cue.First) is "جاء" or "وجاء";
            int start = SkipConnectors(first, cue.First - 1);
            if (start >= cue.First)
            {
                // The phrase opens the sentence: بحسب المصادر، فإن … — the content follows it.
                int c = npLast + 1;
                while (c <= last && (doc.IsComma(c) || CueLexicon.ResultConnectors.Contains(doc.Norm(c)) || doc.Norm(c) == "ان" || !doc.Tokens[c].IsWord && doc.OpenAt[c] < 0))
                {
                    c++;
                }

                if (c < last)
                {
                    EmitContent(cue, c, doc.TrimEnd(c, last), speaker, mention, new QuoteEvidence(CueRule.Attribution, SpeakerRule.Written));
                }

                return Restore(document, previous, speaker);
            }

            // The phrase closes its content (… الأطلسي، على ما أعلنت الأمم المتحدة أول من أمس، فيما …) when
            // little follows it or what follows is a clause of its own; otherwise it sits inside it.
            int end = WordsBetween(npLast + 1, last) <= 3 || ClauseBreakAfter(npLast, last) ? TrimComma(cue.First - 1) : doc.TrimEnd(start, last);
            if (end > start)
            {
                EmitContent(cue, start, end, speaker, mention, new QuoteEvidence(CueRule.Attribution, SpeakerRule.Written));
            }

            return Restore(document, previous, speaker);
        }

        /// <summary>
        /// The last token of the source named after an attribution phrase starting at
        /// <paramref name="np"/>: it ends at a comma, a sentence end, a complementizer, a result
        /// connector, a manner phrase or a long quotation (<paramref name="np"/> − 1 when empty).
        /// </summary>
        private int SourcePhraseEnd(int np, int last)
        {
            int npLast = np - 1;
            for (int j = np; j <= last && j < np + MaxSpeakerWords; j++)
            {
                string n = doc.Norm(j);
                Token t = doc.Tokens[j];
                if (doc.IsComma(j) || t.IsTerminal || CueLexicon.Complementizers.Contains(n) || CueLexicon.ResultConnectors.Contains(n)
                    || (n == "في" && CueLexicon.IsMannerNoun(doc.Norm(j + 1))) || (t.Kind == TokenKind.QuoteMark && doc.Quotes.Count > 0 && doc.OpenAt[j] >= 0 && doc.Quotes[doc.OpenAt[j]].Words > 3))
                {
                    break;
                }

                npLast = j;
            }

            return npLast;
        }

        /// <summary>Whether the first comma within a few tokens after <paramref name="from"/> opens another clause.</summary>
        private bool ClauseBreakAfter(int from, int last)
        {
            for (int k = from + 1; k <= last && k <= from + 4; k++)
            {
                if (doc.IsComma(k))
                {
                    return IsClauseBreak(k);
                }
            }

            return false;
        }

        /// <summary>A document as source (جاء في البيان) is not who the next وأضاف continues.</summary>
        private SpeakerEntity? Restore(bool document, SpeakerEntity? previous, SpeakerEntity speaker)
        {
            if (!document)
            {
                return speaker;
            }

            _resolver.Last = previous;
            return previous;
        }
    }
}
