using Engine.Lexing;
using Engine.Quotes.Internal;

namespace Engine.Quotes;

public static partial class QuoteExtractor
{
    /// <summary>Finding speaker noun phrases around a cue.</summary>
    private sealed partial class Run
    {
        /// <summary>
        /// The last token of the speaker noun phrase starting at <paramref name="first"/>: time, place
        /// and manner adverbials, addressees and relative clauses are cut off; a phrase that starts
        /// with a preposition or an adverb is no speaker at all (returns first - 1).
        /// </summary>
        private (int First, int Last) TrimSpeaker(int first, int last)
        {
            // An addressee before the subject: أكد لـ"الرياض" رئيس المركز …
            if (first <= last && doc.Norm(first) == "ل")
            {
                int q = doc.OpenAt[Math.Min(first + 1, doc.Tokens.Length - 1)];
                first = q >= 0 && doc.Quotes[q].Close > 0 && doc.Quotes[q].Words <= 3 ? doc.Quotes[q].Close + 1 : first + 2;
            }

            // ذكرت لـ«الصحافة الفرنسية»، أول من أمس / وأوضح آنذاك مسؤول …: a comma or an adverb between the verb and its subject.
            while (first <= last && (doc.IsComma(first) || (first < last && CueLexicon.LeadingAdverbs.Contains(doc.Norm(first)))))
            {
                first++;
            }

            int end = first - 1;
            int words = 0;
            string head = doc.Norm(first);
            bool notASubject = doc.IsAccusative(first)
                || (!doc.IsNameAli(first) && CueLexicon.NotSpeakerStarts.Contains(head))
                || (head.StartsWith('و') && CueLexicon.NotSpeakerStarts.Contains(head[1..]));
            if (first <= last && notASubject)
            {
                return (first, end);
            }

            for (int j = first; j <= last; j++)
            {
                Token t = doc.Tokens[j];
                string n = doc.Norm(j);
                if (t.Kind == TokenKind.QuoteMark)
                {
                    int q = doc.OpenAt[j];
                    if (q >= 0 && doc.Quotes[q].Words <= 3 && doc.Quotes[q].Close > j && doc.Quotes[q].Close <= last)
                    {
                        j = doc.Quotes[q].Close; // a name in quote marks: حزب «القوات اللبنانية»
                        end = j;
                        continue;
                    }

                    break;
                }

                if (t.IsTerminal || doc.IsPunct(j, ':') || (doc.IsComma(j) && (CueLexicon.Relatives.Contains(doc.Norm(j + 1)) || doc.Norm(j + 1).StartsWith("والذ", StringComparison.Ordinal) || doc.Norm(j + 1).StartsWith("والت", StringComparison.Ordinal))))
                {
                    break;
                }

                if (t.IsWord && ((CueLexicon.SpeakerStops.Contains(n) && !doc.IsNameAli(j)) || CueLexicon.Relatives.Contains(n) || IsAddressee(j) || n is "نقلا"
                    || (j > first && (CueLexicon.PronounOpeners.Contains(n) || (n.Length > 4 && n[0] == 'و' && CueLexicon.Relatives.Contains(n[1..]))))
                    || (n == "في" && (CueLexicon.IsMannerNoun(doc.Norm(j + 1)) || doc.Tokens[Math.Min(j + 1, doc.Tokens.Length - 1)].Kind == TokenKind.Number))
                    || (n.Length > 2 && n[0] == 'ل' && doc.Text[t.Start + 1] == '\u0640')))
                {
                    break;
                }

                if (t.IsWord && ++words > MaxSpeakerWords)
                {
                    break;
                }

                if (t.IsWord || t.Kind == TokenKind.Number || doc.IsPunct(j, ')'))
                {
                    end = j;
                }
            }

            if (RelaySource(first, end) is { } relay)
            {
                return relay;
            }

            // A phrase does not end on a preposition: كاميرون من
            while (end >= first && CueLexicon.NotSpeakerStarts.Contains(doc.Norm(end)))
            {
                end--;
            }

            return (first, end);
        }

        /// <summary>
        /// A relay names the original source after عن: أنباء الأناضول عن مصادر … → مصادر … (or the
        /// whole phrase when nothing but saying nouns follows عن); null when the phrase is no relay.
        /// </summary>
        private (int First, int Last)? RelaySource(int first, int end)
        {
            for (int j = end - 1; j > first; j--)
            {
                if (doc.Norm(j) == "عن" && j + 1 <= end && (CueLexicon.RelaySources.Contains(doc.Norm(j + 1)) || CueLexicon.Titles.Contains(doc.Norm(j + 1))))
                {
                    int relayEnd = end;
                    while (relayEnd > j && CueLexicon.SayingNouns.Contains(doc.Norm(relayEnd)))
                    {
                        relayEnd--;
                    }

                    return relayEnd > j ? (j + 1, relayEnd) : (first, end);
                }
            }

            return null;
        }

        /// <summary>The nearest word before the cue, in its sentence, that names a known source by its surname.</summary>
        private (SpeakerEntity Entity, int Token)? NamedEarlierInSentence(int sentenceFirst, int cue)
        {
            for (int k = cue - 1; k >= Math.Max(sentenceFirst, cue - MaxNameDistance); k--)
            {
                if (doc.InsideQuote[k] < 0 && doc.IsWord(k) && CouldBeName(k))
                {
                    if (_resolver.FindBySurname(doc.Norm(k)) is { } entity)
                    {
                        return (entity, k);
                    }

                    if (_resolver.NamedMentionWith(doc.Norm(k)) is { } mention && doc.Norm(k).Length > 2)
                    {
                        return (_resolver.Resolve(mention.First, mention.Last), k);
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The subject of a sentence that opens with a verb (وتبنّت الحركة الانفصالية …، سعى أوباما إلى …):
        /// the noun phrase after its first word, when that phrase names a source (a title, a source noun, a
        /// known or proper name; any noun phrase with <paramref name="anySubject"/>, where a participle
        /// later in the sentence shows the subject speaks). Null for sentences that open otherwise.
        /// </summary>
        private (int First, int Last)? MainSubject(int first, int last, bool anySubject = false)
        {
            int verb = first;
            while (verb <= last && (!doc.IsWord(verb) || CueLexicon.SentenceOpeners.Contains(doc.Norm(verb))))
            {
                verb++;
            }

            if (verb >= last || !LooksLikeVerb(verb))
            {
                return null;
            }

            int end = verb + 1;
            while (end < last && end <= verb + MaxSpeakerWords && (doc.IsWord(end) || IsQuotedName(end) || doc.InsideQuote[end] >= 0 && doc.Quotes[doc.InsideQuote[end]].Words <= 3 || doc.Tokens[end].Kind == TokenKind.QuoteMark && QuoteClosedAt(end) >= 0))
            {
                if (end > verb + 1 && doc.IsWord(end) && StartsObject(doc.Norm(end), end, AnyPreposition))
                {
                    break;
                }

                end++;
            }

            var (npFirst, npLast) = TrimSpeaker(verb + 1, end - 1);
            return npLast >= npFirst && (anySubject || NamesASource(npFirst, npLast)) ? (npFirst, npLast) : null;
        }

        private static readonly string[] AnyPreposition = ["الي", "علي", "عن", "من", "ب"];

        /// <summary>Whether the word at <paramref name="k"/> can be a clause's verb: not a noun by its shape (ال، ة) nor a particle.</summary>
        private bool LooksLikeVerb(int k)
        {
            string n = doc.Norm(k);
            string bare = n.Length > 3 && n[0] is 'و' or 'ف' ? n[1..] : n;
            return doc.Tokens[k].Kind == TokenKind.ArabicWord && bare.Length >= 3
                && !bare.StartsWith("ال", StringComparison.Ordinal) && !n.StartsWith("لل", StringComparison.Ordinal)
                && doc.Text[doc.Tokens[k].End - 1] != '\u0629'
                && !CueLexicon.NotSpeakerStarts.Contains(bare) && !CueLexicon.Titles.Contains(bare) && !CueLexicon.NotNames.Contains(bare)
                && !CueLexicon.SpeakerStops.Contains(bare) && !CueLexicon.Connectors.Contains(bare) && !CueLexicon.ClauseOpeners.Contains(bare)
                && !CueLexicon.IsVerbalNoun(bare) && !CueLexicon.Matches(CueLexicon.Verbs, n, out _);
        }

        /// <summary>Whether a noun phrase names a source: it opens with a title or a source noun, or it is a proper name.</summary>
        private bool NamesASource(int first, int last)
        {
            string head = doc.Norm(first);
            string bare = head.StartsWith("ال", StringComparison.Ordinal) ? head[2..] : head;
            if (CueLexicon.Titles.Contains(head) || CueLexicon.SourceNouns.Contains(bare) || CueLexicon.RelaySources.Contains(head)
                || _resolver.FindBySurname(doc.Norm(last)) is not null
                || _resolver.ExtractName(first, last, out _).Length > 0)
            {
                return true;
            }

            // A name followed by its title: محمد علي جعفري قائد قوات الحرس الثوري.
            for (int k = first + 1; k <= last; k++)
            {
                if (CueLexicon.Titles.Contains(doc.Norm(k)))
                {
                    return !doc.Norm(first).StartsWith("ال", StringComparison.Ordinal);
                }
            }

            return false;
        }

        /// <summary>The quotation whose closing mark is token <paramref name="close"/>, or -1.</summary>
        private int QuoteClosedAt(int close)
        {
            int q = doc.InsideQuote[Math.Max(close - 1, 0)];
            return q >= 0 && doc.Quotes[q].Close == close ? q : -1;
        }

        /// <summary>
        /// Whether a word told to someone rather than said by them: لـ with a pronoun (لنظيره، لضيفه) or
        /// with a news outlet (لرويترز، للصحفيين، لـ«الشرق الأوسط»).
        /// </summary>
        private bool IsAddressee(int j)
        {
            string n = doc.Norm(j);
            if (n.Length < 3 || n[0] != 'ل')
            {
                return false;
            }

            string rest = n.StartsWith("لل", StringComparison.Ordinal) ? n[2..] : n[1..];
            bool pronoun = n.Length >= 4 && n[1] != 'ل' && doc.Text[doc.Tokens[j].End - 1] != '\u0629'
                && (n.EndsWith('ه') || n.EndsWith("ها", StringComparison.Ordinal) || n.EndsWith("هم", StringComparison.Ordinal));
            return pronoun || CueLexicon.Outlets.Contains(rest);
        }

        /// <summary>Whether a word can be (part of) a name: an Arabic or Latin word that is no particle, adverb or preposition.</summary>
        private bool CouldBeName(int k)
        {
            string n = doc.Norm(k);
            return n.Length >= 3 && doc.Tokens[k].Kind is TokenKind.ArabicWord or TokenKind.LatinWord
                && !CueLexicon.NotSpeakerStarts.Contains(n) && !CueLexicon.SpeakerStops.Contains(n) && !CueLexicon.Connectors.Contains(n)
                && !CueLexicon.ClauseOpeners.Contains(n) && !CueLexicon.PronounOpeners.Contains(n) && !CueLexicon.TimeWords.Contains(n)
                && !CueLexicon.Months.Contains(n) && !(n[0] == 'ل' && !n.StartsWith("ال", StringComparison.Ordinal));
        }

        /// <summary>The subject before a verb (جين ساكي قالت) or the antecedent of a relative (فؤاد حسين، الذي قال).</summary>
        private (int First, int Last)? BackwardSpeaker(int verb, int sentenceFirst)
        {
            int k = verb - 1;
            if (k < sentenceFirst)
            {
                return null;
            }

            bool relative = CueLexicon.Relatives.Contains(doc.Norm(k));
            if (relative)
            {
                k--;
            }

            // القصبي، قال / "دولت باهجة لي" قال / وكان الرئيس، رجب طيب أردوغان، قال: the subject ends before a comma or a closing mark.
            // Such a subject must then open its clause, so that it is not the tail of the clause before.
            bool detached = false;
            while (k > sentenceFirst && (doc.IsComma(k) || (doc.Tokens[k].Kind == TokenKind.QuoteMark && doc.OpenAt[k] < 0)))
            {
                detached = true;
                k--;
            }

            int last = k;
            int firstWord = k + 1;
            bool opensClause = false;
            for (int j = k; j >= sentenceFirst && last - j < 10; j--)
            {
                string n = doc.Norm(j);
                if (detached && !relative && doc.IsComma(j) && j > sentenceFirst)
                {
                    continue; // an apposition: الرئيس التركي، رجب طيب أردوغان، قال
                }

                if (doc.Tokens[j].Kind == TokenKind.QuoteMark && doc.InsideQuote[j] < 0 && j < last)
                {
                    int q = QuoteClosedAt(j);
                    if (q >= 0 && doc.Quotes[q].Words <= 3 && doc.Quotes[q].Open >= sentenceFirst)
                    {
                        j = doc.Quotes[q].Open; // a name in quote marks
                        firstWord = j;
                        continue;
                    }
                }

                if (!doc.IsWord(j) || CueLexicon.Connectors.Contains(n) || CueLexicon.ClauseOpeners.Contains(n) || CueLexicon.PronounOpeners.Contains(n) || CueLexicon.Prepositions.Contains(n) || n is "لسان" or "لكن" or "ان" || CueLexicon.PastAuxiliaries.Contains(n)
                    || CueLexicon.Complementizers.Contains(n) || CueLexicon.Matches(CueLexicon.Verbs, n, out _))
                {
                    opensClause = CueLexicon.Connectors.Contains(n) || CueLexicon.PastAuxiliaries.Contains(n) || doc.Tokens[j].IsTerminal;
                    break;
                }

                firstWord = j;
            }

            if (firstWord > last || last < sentenceFirst || (detached && !relative && !opensClause && firstWord > sentenceFirst))
            {
                return null;
            }

            while (doc.IsComma(firstWord))
            {
                firstWord++;
            }

            string head = doc.Norm(firstWord);
            bool prepositional = CueLexicon.NotSpeakerStarts.Contains(head) || (head.Length > 2 && head[0] == 'و' && CueLexicon.NotSpeakerStarts.Contains(head[1..]));
            return prepositional ? null : (firstWord, last);
        }
    }
}
