using Engine.Lexing;
using Engine.Quotes.Internal;

namespace Engine.Quotes;

public static partial class QuoteExtractor
{
    /// <summary>Speech verbs and their reported clauses: وقال فلان إنّ …، أكّد أنّ …، جين ساكي قالت إنّ …</summary>
    private sealed partial class Run
    {
        private SpeakerEntity? Verb(Cue cue, int first, int end, SpeakerEntity? sentenceSpeaker)
        {
            int cueLast = cue.Last;
            int anchor = ClauseAnchor(cue, end, ref cueLast);
            bool objectClause = false;
            if (cue.Nominal && (anchor < 0 || anchor > cue.Last + NominalWindow))
            {
                return null; // a verbal noun reports only with its clause close by: إعلان الحكومة أنّ …
            }

            if (anchor < 0)
            {
                // No complementizer: a verb whose object states what was said (أعلنت حركة طالبان مسؤوليتها، دعا … إلى).
                anchor = ObjectStart(cue, end);
                if (anchor < 0)
                {
                    return cue.Nominal ? null : SourceWithoutReport(cue, end);
                }

                objectClause = true;
            }

            int npEnd = anchor - 1;
            if (npEnd > cueLast && doc.Norm(npEnd) is "الي" or "علي")
            {
                npEnd--;
            }

            SpeakerEntity? speaker;
            TextSpan mention;
            SpeakerRule rule = SpeakerRule.Written;
            Agreement agreement = CueLexicon.AgreementOf(doc.Norm(cue.First));
            var (speakerFirst, speakerLast) = CueLexicon.Matches(CueLexicon.ObjectFirstVerbs, doc.Norm(cue.First), out _)
                ? (0, -1)
                : TrimSpeaker(cueLast + 1, npEnd);
            if (doc.Norm(cue.First - 1) == "قد" && BackwardSpeaker(cue.First - 1, first) is { } before)
            {
                // وكان مسؤول في الإقليم قد طالب تركيا بوقف …: the subject precedes قد; what follows the verb is what was said.
                speaker = _resolver.Resolve(before.First, before.Last);
                Emit(cue.First, cueLast, objectClause ? cueLast : anchor, end, speaker, doc.SpanOf(before.First, before.Last), new QuoteEvidence(objectClause ? CueRule.StanceObject : CueRule.SpeechVerb, SpeakerRule.BeforeVerb));
                return speaker;
            }

            if (!objectClause && speakerLast >= speakerFirst && GovernedBy(cue) is not null && CueLexicon.IsVerbalNoun(doc.Norm(speakerFirst)))
            {
                // وأكد وجود «…»: the verb has no written subject; what follows it is what was said.
                anchor = speakerFirst;
                speakerLast = speakerFirst - 1;
                objectClause = true;
            }

            if (!objectClause && speakerLast > speakerFirst && GovernedPrepositionIn(cue, speakerFirst + 1, speakerLast) is int governed and > 0)
            {
                // قللت واشنطن من احتمال أن …: the verb's own preposition ends its subject and opens what was said.
                speakerLast = governed - 1;
                anchor = governed;
                objectClause = true;
            }

            if (speakerLast >= speakerFirst)
            {
                speaker = _resolver.Resolve(speakerFirst, speakerLast);
                mention = doc.SpanOf(speakerFirst, speakerLast);
            }
            else
            {
                (speaker, mention, rule) = UnwrittenSubject(cue, first, sentenceSpeaker, agreement);
            }

            if (objectClause && speakerLast < speakerFirst && (anchor != cueLast + 1 || speaker is null || !ContinuesSource(cue)))
            {
                return null; // an object clause needs its subject written out, or a continuation of the current source (و، كما، إذ)
            }

            // The object's own preposition is not what was said: أشار إلى [مقتل …]، شدد على [ضرورة …].
            int contentAnchor = !objectClause ? anchor : CueLexicon.ObjectPrepositions.Contains(doc.Norm(anchor)) ? anchor : anchor - 1;
            Emit(cue.First, cueLast, contentAnchor, end, speaker, mention, new QuoteEvidence(objectClause ? CueRule.StanceObject : CueRule.SpeechVerb, rule));
            return speaker;
        }

        /// <summary>
        /// Where the clause a speech verb reports starts: an opening quote mark (not a short quoted
        /// name inside the speaker), a colon or a complementizer (أنّ، إنّ), or the one after إلى / على
        /// (which then ends the cue when it follows the verb at once); −1 when the window holds none
        /// or another cue's verb comes first.
        /// </summary>
        private int ClauseAnchor(Cue cue, int end, ref int cueLast)
        {
            int p = cue.Last + 1;
            for (int j = p; j <= end && j < p + AnchorWindow; j++)
            {
                Token t = doc.Tokens[j];
                if (t.Kind == TokenKind.QuoteMark && doc.OpenAt[j] >= 0 && !_claimed[doc.OpenAt[j]])
                {
                    QuotedSpan quoted = doc.Quotes[doc.OpenAt[j]];
                    bool nameFollows = quoted.Close >= 0 && quoted.Close + 1 <= end && !doc.Tokens[quoted.Close + 1].IsTerminal && doc.Tokens[quoted.Close + 1].Kind != TokenKind.QuoteMark;
                    if (quoted.Words <= 3 && (j > p || nameFollows) && !doc.IsPunct(j - 1, ':'))
                    {
                        j = doc.Quotes[doc.OpenAt[j]].Close < 0 ? j : doc.Quotes[doc.OpenAt[j]].Close;
                        continue; // a quoted name inside the speaker: مصدر لـ"الوطن"
                    }

                    return j;
                }

                if (doc.IsPunct(j, ':') || CueLexicon.Complementizers.Contains(doc.Norm(j)))
                {
                    return j;
                }

                string n = doc.Norm(j);
                if ((n is "الي" or "علي") && (CueLexicon.Complementizers.Contains(doc.Norm(j + 1)) || doc.OpenAt[Math.Min(j + 1, doc.Tokens.Length - 1)] >= 0))
                {
                    if (j == p)
                    {
                        cueLast = j;
                    }

                    return j + 1;
                }

                if (t.IsTerminal || (j > p && t.IsWord && !CueLexicon.Negations.Contains(doc.Norm(j - 1)) && !CueLexicon.Relatives.Contains(doc.Norm(j - 1)) && (CueLexicon.Matches(CueLexicon.Verbs, n, out _) || CueLexicon.Matches(CueLexicon.Participles, n, out _))))
                {
                    return -1; // the clause belongs to another cue
                }
            }

            return -1;
        }

        /// <summary>
        /// The source of a speech verb with no written subject: one written before the verb, the
        /// source of the sentence's main clause after a pronoun opener, a source named earlier in the
        /// sentence, or the thread of the last speaker (agreeing in gender when it can).
        /// </summary>
        private (SpeakerEntity? Speaker, TextSpan Mention, SpeakerRule Rule) UnwrittenSubject(Cue cue, int first, SpeakerEntity? sentenceSpeaker, Agreement agreement)
        {
            if (!cue.Prefixed && BackwardSpeaker(cue.First, first) is { } back)
            {
                return (_resolver.Resolve(back.First, back.Last), doc.SpanOf(back.First, back.Last), SpeakerRule.BeforeVerb);
            }

            if (CueLexicon.PronounOpeners.Contains(doc.Norm(cue.First - 1)) && (sentenceSpeaker ?? MainSource(first, cue.First)) is { } clauseSource && SpeakerResolver.Agrees(clauseSource, agreement))
            {
                // …، لكنه شدد على أن … / اختتم أوباما زيارته، بعدما أكد أن …: the source of the sentence's main clause.
                return (clauseSource, clauseSource.LastMention, SpeakerRule.ClauseSource);
            }

            if (NamedEarlierInSentence(first, cue.First) is { } named && SpeakerResolver.Agrees(named.Entity, agreement))
            {
                // وواصل كارتر محاولاته، فقال إن …: the source named earlier in the sentence.
                return (named.Entity, doc.SpanOf(named.Token, named.Token), SpeakerRule.NamedInSentence);
            }

            if (Thread(agreement, cue.First) is { } previous)
            {
                return (previous.Entity, previous.Entity.LastMention, previous.Agrees ? SpeakerRule.Thread : SpeakerRule.ThreadDisagreeing);
            }

            return (null, TextSpan.None, SpeakerRule.None);
        }

        /// <summary>
        /// The written subject of a cue that reports nothing itself (كما أكد محمد علي جعفري قائلاً: …،
        /// وأشاد الدكتور الفوزان بالقرار قائلاً …): the source the sentence's participles and the next
        /// cue without a subject continue. Null when the verb has no written subject.
        /// </summary>
        private SpeakerEntity? SourceWithoutReport(Cue cue, int end)
        {
            int last = cue.Last;
            for (int j = cue.Last + 1; j <= end && j <= cue.Last + MaxSpeakerWords; j++)
            {
                if (doc.Tokens[j].IsTerminal || doc.IsPunct(j, ':') || (doc.Tokens[j].Kind == TokenKind.QuoteMark && !IsQuotedName(j))
                    || (j > cue.Last + 1 && doc.IsWord(j) && (StartsObject(doc.Norm(j), j, AnyPreposition)
                        || CueLexicon.Matches(CueLexicon.Participles, doc.Norm(j), out _) || CueLexicon.Matches(CueLexicon.Verbs, doc.Norm(j), out _))))
                {
                    break;
                }

                if (doc.IsComma(j) && !CueLexicon.Titles.Contains(doc.Norm(j + 1)))
                {
                    break;
                }

                last = j;
            }

            var (first, npLast) = TrimSpeaker(cue.Last + 1, last);
            if (npLast < first || !NamesASource(first, npLast))
            {
                return null;
            }

            SpeakerEntity source = _resolver.Resolve(first, npLast);
            _resolver.Last = source;
            return source;
        }

        /// <summary>The source named as the subject of the sentence's opening verb, when it is before <paramref name="before"/>.</summary>
        private SpeakerEntity? MainSource(int first, int before) =>
            MainSubject(first, before - 1) is { } main && main.Last < before ? _resolver.Resolve(main.First, main.Last) : null;

        /// <summary>The first token in [<paramref name="from"/>, <paramref name="to"/>] that is a separate preposition the cue's verb governs, or -1.</summary>
        private int GovernedPrepositionIn(Cue cue, int from, int to)
        {
            if (GovernedBy(cue) is not { } prepositions)
            {
                return -1;
            }

            for (int k = from; k <= to; k++)
            {
                string n = doc.Norm(k);
                if (CueLexicon.ObjectPrepositions.Contains(n) && Array.IndexOf(prepositions, n) >= 0)
                {
                    return k;
                }
            }

            return -1;
        }

        /// <summary>
        /// The source a cue without a written subject continues: the last quote's source when it agrees
        /// with the cue's form, else the most recent source named within <see cref="ThreadSentences"/>
        /// sentences that does (وأضافت after a masculine source → the feminine one named before it).
        /// </summary>
        private (SpeakerEntity Entity, bool Agrees)? Thread(Agreement agreement, int cue)
        {
            SpeakerEntity? last = _resolver.Last;
            if (last is not null && SpeakerResolver.Agrees(last, agreement))
            {
                return (last, true);
            }

            int sentence = Math.Max(0, doc.SentenceOf[cue] - ThreadSentences);
            if (_resolver.RecentAgreeing(agreement, doc.Sentences[sentence].FirstToken, cue) is { } agreeing)
            {
                return (agreeing, true);
            }

            return last is null ? null : (last, false);
        }
    }
}
