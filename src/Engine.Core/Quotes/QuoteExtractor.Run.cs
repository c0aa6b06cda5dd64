using Engine.Lexing;
using Engine.Quotes.Internal;

namespace Engine.Quotes;

public static partial class QuoteExtractor
{
    private enum CueType : byte
    {
        Verb,
        Participle,
        Attribution,
    }

    /// <summary>A cue: the tokens of the verb or phrase (inclusive), its type, and whether it carries و/ف.</summary>
    private readonly record struct Cue(int First, int Last, CueType Type, bool Prefixed);

    /// <summary>One article's extraction: walks the body sentences in order, keeping the speaker context.</summary>
    private sealed partial class Run(QuoteDocument doc, List<QuoteDiagnostic> diagnostics)
    {
        private const int AnchorWindow = 40;
        private const int MaxSpeakerWords = 12;

        /// <summary>How many sentences back a cue without a subject looks for a source that agrees with its form.</summary>
        private const int ThreadSentences = 3;

        /// <summary>How far a homograph cue (بين، رأى) looks for its complementizer.</summary>
        private const int HomographWindow = 8;

        private readonly SpeakerResolver _resolver = new(doc);
        private readonly bool[] _claimed = new bool[doc.Quotes.Count];
        private int _claimedUntil = -1;

        public List<Quote> Quotes { get; } = [];

        public void Extract()
        {
            for (int s = 0; s < doc.Sentences.Length; s++)
            {
                if (doc.Sentences[s].IsBody)
                {
                    Sentence(s);
                }
            }

            Quotes.Sort((a, b) => a.ContentSpan.Start.CompareTo(b.ContentSpan.Start));
        }

        private void Sentence(int s)
        {
            int first = doc.Sentences[s].FirstToken;
            int last = doc.SentenceEnd(s);
            var cues = FindCues(first, last);
            SpeakerEntity? sentenceSpeaker = null;
            int quotesBefore = Quotes.Count;
            (int First, int Last)? subject = MainSubject(first, last);
            for (int c = 0; c < cues.Count; c++)
            {
                Cue cue = cues[c];
                if (cue.First <= _claimedUntil && !Cuts(cue))
                {
                    continue; // nested inside the content of an earlier quote
                }

                int end = last;
                for (int d = c + 1; d < cues.Count; d++)
                {
                    if (Cuts(cues[d]))
                    {
                        end = cues[d].First - 1;
                        break;
                    }
                }

                if (sentenceSpeaker is null && cue.Type == CueType.Participle && subject is { } main && main.Last < cue.First)
                {
                    // وأقرّ لواء «أحرار الشام» بانهيار المفاوضات، قائلاً …: the participle continues the clause's subject.
                    sentenceSpeaker = _resolver.Resolve(main.First, main.Last);
                }

                SpeakerEntity? speaker = cue.Type switch
                {
                    CueType.Attribution => Attribution(cue, first, last),
                    CueType.Participle => Participle(cue, end, sentenceSpeaker),
                    _ => Verb(cue, first, end, sentenceSpeaker),
                };
                sentenceSpeaker = speaker ?? sentenceSpeaker;
            }

            if (Quotes.Count == quotesBefore && subject is { } source)
            {
                // وتبنّت الحركة الانفصالية الكردية الهجوم. وقالت إن …: a source the next cue without a subject may
                // continue when its form does not agree with the last quote's source.
                _resolver.Resolve(source.First, source.Last);
            }

            QuoteThenVerb(first, last);
        }

        /// <summary>Whether a cue inside another quote's content starts a quote of its own (، مضيفا أن … / ، وأضاف … / ، في حين أكد …).</summary>
        private bool Cuts(Cue cue) =>
            cue.Type == CueType.Participle
            || (cue.Type == CueType.Verb && (cue.Prefixed || doc.IsComma(cue.First - 1) || doc.IsPunct(cue.First - 1, '.') || doc.IsPunct(cue.First - 1, '؛')
                || CueLexicon.ClauseOpeners.Contains(doc.Norm(cue.First - 1)) || ClauseBreakBefore(cue.First)));

        /// <summary>Whether a new clause starts just before <paramref name="t"/>: a comma and a connector (، في حين … / ، بينما …).</summary>
        private bool ClauseBreakBefore(int t)
        {
            for (int k = t - 1; k >= 0 && k >= t - 3; k--)
            {
                if (doc.IsComma(k))
                {
                    return IsClauseBreak(k);
                }
            }

            return false;
        }

        /// <summary>Whether the comma at <paramref name="comma"/> opens a new clause rather than continuing the reported one.</summary>
        private bool IsClauseBreak(int comma)
        {
            string next = doc.Norm(comma + 1);
            return CueLexicon.ClauseOpeners.Contains(next)
                || (next == "في" && doc.Norm(comma + 2) is "حين" or "اشاره" or "وقت")
                || CueLexicon.Matches(CueLexicon.Participles, next, out _);
        }

        /// <summary>The end of the reported material starting at <paramref name="start"/>: the sentence end, or the first comma that opens another clause.</summary>
        private int ClauseEnd(int start, int end)
        {
            for (int k = start + 1; k < end; k++)
            {
                if (doc.InsideQuote[k] < 0 && doc.IsComma(k) && IsClauseBreak(k))
                {
                    return k - 1;
                }
            }

            return end;
        }

        private List<Cue> FindCues(int first, int last)
        {
            var cues = new List<Cue>();
            for (int t = first; t <= last; t++)
            {
                if (!doc.IsWord(t) || doc.InsideQuote[t] >= 0)
                {
                    continue;
                }

                string n = doc.Norm(t);
                bool negated = CueLexicon.Negations.Contains(doc.Norm(t - 1));
                if (AttributionCue(t, n, out int cueEnd))
                {
                    cues.Add(new Cue(t, cueEnd, CueType.Attribution, false));
                    t = cueEnd;
                }
                else if (!negated && CueLexicon.Matches(CueLexicon.Participles, n, out _))
                {
                    int e = CueLexicon.VerbPrepositions.Contains(doc.Norm(t + 1)) ? t + 1 : t;
                    cues.Add(new Cue(t, e, CueType.Participle, false));
                    t = e;
                }
                else if (!negated && CueLexicon.Matches(CueLexicon.Verbs, n, out bool prefixed) && doc.Norm(t - 1) != "ما" && !CueLexicon.AnaphoricObjects.Contains(doc.Norm(t + 1))
                    && (!CueLexicon.Homographs.Contains(n) || ComplementizerFollows(t)))
                {
                    // تابع بالقول، نقل عن: the particle belongs to the cue.
                    int e = doc.Norm(t + 1) is "بالقول" or "بقوله" or "بقولها" || (doc.Norm(t + 1) == "عن" && n.EndsWith("نقل", StringComparison.Ordinal) || n.EndsWith("نقلت", StringComparison.Ordinal)) ? t + 1 : t;
                    cues.Add(new Cue(t, e, CueType.Verb, prefixed));
                    t = e;
                }
            }

            return cues;
        }

        /// <summary>
        /// Whether a complementizer follows within the clause, past at most a subject: a verb spelled like
        /// a preposition or a name (بين، رأى) is a cue only then (بيّن الوزير أن …, not بين الجانبين).
        /// </summary>
        private bool ComplementizerFollows(int t)
        {
            for (int k = t + 1; k <= t + HomographWindow && k < doc.Tokens.Length; k++)
            {
                string n = doc.Norm(k);
                if (CueLexicon.Complementizers.Contains(n) || doc.IsPunct(k, ':'))
                {
                    return true;
                }

                if (doc.Tokens[k].IsTerminal || doc.IsComma(k) || (n.Length > 1 && n[0] == 'و'))
                {
                    return false; // بين طهران وواشنطن: a coordination, not a subject
                }
            }

            return false;
        }

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

            if (n == "علي" && doc.Norm(t + 1) == "حد" && doc.Norm(t + 2) is "قوله" or "قولها" or "تعبيره" or "تعبيرها" or "قولهم")
            {
                end = t + 2;
                return true;
            }

            return false;
        }

        private SpeakerEntity? Verb(Cue cue, int first, int end, SpeakerEntity? sentenceSpeaker)
        {
            int p = cue.Last + 1;
            int cueLast = cue.Last;
            int anchor = -1;
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

                    anchor = j;
                    break;
                }

                if (doc.IsPunct(j, ':') || CueLexicon.Complementizers.Contains(doc.Norm(j)))
                {
                    anchor = j;
                    break;
                }

                string n = doc.Norm(j);
                if ((n is "الي" or "علي") && (CueLexicon.Complementizers.Contains(doc.Norm(j + 1)) || doc.OpenAt[Math.Min(j + 1, doc.Tokens.Length - 1)] >= 0))
                {
                    if (j == p)
                    {
                        cueLast = j;
                    }

                    anchor = j + 1;
                    break;
                }

                if (t.IsTerminal || (j > p && t.IsWord && !CueLexicon.Negations.Contains(doc.Norm(j - 1)) && !CueLexicon.Relatives.Contains(doc.Norm(j - 1)) && (CueLexicon.Matches(CueLexicon.Verbs, n, out _) || CueLexicon.Matches(CueLexicon.Participles, n, out _))))
                {
                    break; // the clause belongs to another cue
                }
            }

            bool objectClause = false;
            if (anchor < 0)
            {
                // No complementizer: a verb whose object states what was said (أعلنت حركة طالبان مسؤوليتها، دعا … إلى).
                anchor = ObjectStart(cue, end);
                if (anchor < 0)
                {
                    return null;
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
            double confidence = 0.9;
            Agreement agreement = CueLexicon.AgreementOf(doc.Norm(cue.First));
            var (speakerFirst, speakerLast) = CueLexicon.Matches(CueLexicon.ObjectFirstVerbs, doc.Norm(cue.First), out _)
                ? (0, -1)
                : TrimSpeaker(cueLast + 1, npEnd);
            if (!objectClause && speakerLast >= speakerFirst && IsObjectVerb(cue) && CueLexicon.IsVerbalNoun(doc.Norm(speakerFirst)))
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
            else if (!cue.Prefixed && BackwardSpeaker(cue.First, first) is { } back)
            {
                speaker = _resolver.Resolve(back.First, back.Last);
                mention = doc.SpanOf(back.First, back.Last);
            }
            else if (CueLexicon.PronounOpeners.Contains(doc.Norm(cue.First - 1)) && (sentenceSpeaker ?? MainSource(first, cue.First)) is { } clauseSource && SpeakerResolver.Agrees(clauseSource, agreement))
            {
                // …، لكنه شدد على أن … / اختتم أوباما زيارته، بعدما أكد أن …: the source of the sentence's main clause.
                speaker = clauseSource;
                mention = clauseSource.LastMention;
                confidence = 0.75;
            }
            else if (NamedEarlierInSentence(first, cue.First) is { } named && SpeakerResolver.Agrees(named.Entity, agreement))
            {
                // وواصل كارتر محاولاته، فقال إن …: the source named earlier in the sentence.
                speaker = named.Entity;
                mention = doc.SpanOf(named.Token, named.Token);
                confidence = 0.75;
            }
            else if (Thread(agreement, cue.First) is { } previous)
            {
                speaker = previous.Entity;
                mention = previous.Entity.LastMention;
                confidence = previous.Agrees ? 0.75 : 0.6;
            }
            else
            {
                speaker = null;
                mention = TextSpan.None;
                confidence = 0.4;
            }

            if (objectClause && speakerLast < speakerFirst && (anchor != cueLast + 1 || speaker is null || !cue.Prefixed))
            {
                return null; // an object clause needs its subject written out, or a و-continuation of the last source
            }

            // The object's own preposition is not what was said: أشار إلى [مقتل …]، شدد على [ضرورة …].
            int contentAnchor = !objectClause ? anchor : CueLexicon.ObjectPrepositions.Contains(doc.Norm(anchor)) ? anchor : anchor - 1;
            Emit(cue.First, cueLast, contentAnchor, end, speaker, mention, objectClause ? confidence - 0.15 : confidence);
            return speaker;
        }

        /// <summary>The source named as the subject of the sentence's opening verb, when it is before <paramref name="before"/>.</summary>
        private SpeakerEntity? MainSource(int first, int before) =>
            MainSubject(first, before - 1) is { } main && main.Last < before ? _resolver.Resolve(main.First, main.Last) : null;

        private bool IsObjectVerb(Cue cue) =>
            CueLexicon.ObjectVerbs.ContainsKey(cue.Prefixed ? doc.Norm(cue.First)[1..] : doc.Norm(cue.First));

        /// <summary>The first token in [<paramref name="from"/>, <paramref name="to"/>] that is a separate preposition the cue's verb governs, or -1.</summary>
        private int GovernedPrepositionIn(Cue cue, int from, int to)
        {
            string verb = cue.Prefixed ? doc.Norm(cue.First)[1..] : doc.Norm(cue.First);
            if (!CueLexicon.ObjectVerbs.TryGetValue(verb, out string[]? prepositions))
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

        private SpeakerEntity? Participle(Cue cue, int end, SpeakerEntity? sentenceSpeaker)
        {
            Agreement agreement = CueLexicon.AgreementOf(doc.Norm(cue.First));
            SpeakerEntity? speaker = sentenceSpeaker is not null && SpeakerResolver.Agrees(sentenceSpeaker, agreement) ? sentenceSpeaker : Thread(agreement, cue.First)?.Entity;
            int anchor = cue.Last;
            for (int j = cue.Last + 1; j <= end && j <= cue.Last + 2; j++)
            {
                if (doc.IsPunct(j, ':') || CueLexicon.Complementizers.Contains(doc.Norm(j)) || (doc.OpenAt[j] >= 0 && !_claimed[doc.OpenAt[j]]))
                {
                    anchor = j;
                    break;
                }
            }

            if (anchor >= end)
            {
                return null;
            }

            Emit(cue.First, cue.Last, anchor, end, speaker, speaker?.LastMention ?? TextSpan.None, speaker is null ? 0.4 : 0.8);
            return speaker;
        }

        private SpeakerEntity? Attribution(Cue cue, int first, int last)
        {
            if (doc.Norm(cue.Last) is "قوله" or "قولها" or "تعبيره" or "تعبيرها" or "قولهم")
            {
                // على حد قوله: the clause before belongs to the last speaker.
                SpeakerEntity? current = _resolver.Last;
                int contentEnd = TrimComma(cue.First - 1);
                if (contentEnd > first)
                {
                    EmitContent(cue, SkipConnectors(first, contentEnd), contentEnd, current, current?.LastMention ?? TextSpan.None, 0.7);
                }

                return current;
            }

            int np = cue.Last + 1;
            int npLast = np - 1;
            for (int j = np; j <= last && j < np + MaxSpeakerWords; j++)
            {
                string n = doc.Norm(j);
                Token t = doc.Tokens[j];
                if (doc.IsComma(j) || t.IsTerminal || CueLexicon.Complementizers.Contains(n) || n is "فان" or "فانه" or "فقد"
                    || (n == "في" && CueLexicon.MannerNouns.Contains(doc.Norm(j + 1))) || (t.Kind == TokenKind.QuoteMark && doc.Quotes.Count > 0 && doc.OpenAt[j] >= 0 && doc.Quotes[doc.OpenAt[j]].Words > 3))
                {
                    break;
                }

                npLast = j;
            }

            if (doc.Norm(np) is "قوله" or "قولها" or "تعبيره" or "تعبيرها")
            {
                // بحسب قوله، فإن …: the last source's words.
                SpeakerEntity? current = _resolver.Last;
                int c = np + 1;
                while (c <= last && (doc.IsComma(c) || doc.Norm(c) is "فان" or "فانه"))
                {
                    c++;
                }

                if (c < last && current is not null)
                {
                    EmitContent(cue, c, doc.TrimEnd(c, last), current, current.LastMention, 0.7);
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
                while (c <= last && (doc.IsComma(c) || doc.Norm(c) is "فان" or "فانه" or "ان" or "فقد" or "" && !doc.Tokens[c].IsWord && doc.OpenAt[c] < 0))
                {
                    c++;
                }

                if (c < last)
                {
                    EmitContent(cue, c, doc.TrimEnd(c, last), speaker, mention, 0.85);
                }

                return Restore(document, previous, speaker);
            }

            int end = WordsBetween(npLast + 1, last) <= 3 ? TrimComma(cue.First - 1) : doc.TrimEnd(start, last);
            if (end > start)
            {
                EmitContent(cue, start, end, speaker, mention, 0.85);
            }

            return Restore(document, previous, speaker);
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

        /// <summary>“…”، قال فلان: a quotation followed by its cue.</summary>
        private void QuoteThenVerb(int first, int last)
        {
            for (int t = first; t <= last; t++)
            {
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
                if (npEnd >= npFirst)
                {
                    speaker = _resolver.Resolve(npFirst, npEnd);
                    mention = doc.SpanOf(npFirst, npEnd);
                }
                else
                {
                    speaker = _resolver.Last;
                    mention = speaker?.LastMention ?? TextSpan.None;
                }

                _claimed[q] = true;
                int inner = doc.TrimEnd(t + 1, close - 1);
                Add(QuoteKind.Direct, doc.SpanOf(t + 1, inner), doc.SpanOf(v, v), speaker, mention, 0.8);
                _claimedUntil = Math.Max(_claimedUntil, close);
                t = close;
            }
        }

        private int SkipConnectors(int first, int last)
        {
            int i = first;
            while (i <= last && (CueLexicon.Connectors.Contains(doc.Norm(i)) || doc.IsComma(i)))
            {
                i++;
            }

            return i;
        }

        private int TrimComma(int last)
        {
            while (last >= 0 && (doc.IsComma(last) || doc.Tokens[last].Kind == TokenKind.Punctuation))
            {
                last--;
            }

            return last;
        }

        private int WordsBetween(int from, int to)
        {
            int words = 0;
            for (int k = from; k <= to && k < doc.Tokens.Length; k++)
            {
                if (doc.Tokens[k].IsWord || doc.Tokens[k].Kind == TokenKind.Number)
                {
                    words++;
                }
            }

            return words;
        }
    }
}
