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

    /// <summary>
    /// A cue: the tokens of the verb or phrase (inclusive), its type, whether it carries و/ف, and whether
    /// it is a verbal noun standing for the verb (إعلان الحكومة أنّ …).
    /// </summary>
    private readonly record struct Cue(int First, int Last, CueType Type, bool Prefixed, bool Nominal = false);

    /// <summary>One article's extraction: walks the body sentences in order, keeping the speaker context.</summary>
    private sealed partial class Run(QuoteDocument doc, List<QuoteDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        /// <summary>How far after a verb its clause may open (a complementizer, a colon, a quotation), past a long subject with its titles and adverbials.</summary>
        private const int AnchorWindow = 40;

        /// <summary>
        /// How far a search from one cue walks through its sentence (news sentences stay under 300
        /// words): a text that is one endless sentence of cues stays linear.
        /// </summary>
        private const int MaxScanTokens = 512;

        /// <summary>How far back in its sentence a cue without a subject looks for a name it continues.</summary>
        private const int MaxNameDistance = 128;

        /// <summary>The most words a speaker mention takes.</summary>
        private const int MaxSpeakerWords = 12;

        /// <summary>How many sentences back a cue without a subject looks for a source that agrees with its form.</summary>
        private const int ThreadSentences = 3;

        /// <summary>How far after a verbal-noun cue (إعلان، تأكيد) its complementizer may come.</summary>
        private const int NominalWindow = 10;

        /// <summary>How far a homograph cue (بين، رأى) looks for its complementizer.</summary>
        private const int HomographWindow = 8;

        private readonly SpeakerResolver _resolver = new(doc);
        private readonly bool[] _claimed = new bool[doc.Quotes.Count];
        private int[] _ends = new int[16];   // per cue of the current sentence: where its material ends
        private bool[] _cuts = new bool[16]; // per cue of the current sentence: whether it cuts the one before
        private int _claimedUntil = -1;

        public List<Quote> Quotes { get; } = [];

        public void Extract()
        {
            for (int s = 0; s < doc.Sentences.Length; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
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

            // Each cue's material ends before the next cue that cuts it: found in one backward pass.
            if (_ends.Length < cues.Count)
            {
                _ends = new int[Math.Max(cues.Count, 2 * _ends.Length)];
                _cuts = new bool[_ends.Length];
            }

            Span<int> ends = _ends;
            Span<bool> cuts = _cuts;
            for (int c = cues.Count - 1, end = last; c >= 0; c--)
            {
                ends[c] = end;
                cuts[c] = Cuts(cues[c]);
                end = cuts[c] ? cues[c].First - 1 : end;
            }

            for (int c = 0; c < cues.Count; c++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Cue cue = cues[c];
                if (cue.First <= _claimedUntil && !cuts[c])
                {
                    continue; // nested inside the content of an earlier quote
                }

                int end = ends[c];

                if (sentenceSpeaker is null && cue.Type == CueType.Participle && (subject ?? MainSubject(first, cue.First - 1, anySubject: true)) is { } main && main.Last < cue.First)
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

        /// <summary>Checks for cancellation every 1,024 tokens of a walk through a sentence, which may be the whole text.</summary>
        private void CheckCancellation(int token)
        {
            if ((token & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
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
            end = Math.Min(end, start + MaxScanTokens);
            for (int k = start + 1; k < end; k++)
            {
                if (doc.InsideQuote[k] < 0 && doc.IsComma(k) && IsClauseBreak(k))
                {
                    return k - 1;
                }

                // … يبقى مطروحا رغم أن خبراء يرون …: a concessive or contrastive clause is the journalist's even without a comma.
                if (doc.InsideQuote[k] < 0 && k > start + 2 && ((doc.Norm(k) is "رغم" or "برغم" && CueLexicon.Complementizers.Contains(doc.Norm(k + 1))) || doc.Norm(k) == "بينما"))
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
                CheckCancellation(t);
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
                    int e = CueLexicon.SayingAdverbs.Contains(doc.Norm(t + 1)) || (doc.Norm(t + 1) == "عن" && n.EndsWith("نقل", StringComparison.Ordinal) || n.EndsWith("نقلت", StringComparison.Ordinal)) ? t + 1 : t;
                    cues.Add(new Cue(t, e, CueType.Verb, prefixed));
                    t = e;
                }
                else if (!negated && CueLexicon.VerbalNounCues.Contains(n))
                {
                    cues.Add(new Cue(t, t, CueType.Verb, false, Nominal: true));
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

        private int WordsBetween(int from, int to) => doc.Words.Between(from, to);
    }
}
