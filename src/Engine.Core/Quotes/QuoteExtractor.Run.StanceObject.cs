using Engine.Lexing;
using Engine.Quotes.Internal;

namespace Engine.Quotes;

public static partial class QuoteExtractor
{
    /// <summary>Stance verbs whose object states what was said: أكد سقوط، أعرب عن قلقه، دعا … إلى.</summary>
    private sealed partial class Run
    {
        /// <summary>How far after the verb the object of a stance verb may start (the subject's words in between).</summary>
        private const int ObjectWindow = MaxSpeakerWords + 2;

        /// <summary>
        /// Where the object of a stance verb starts, after its subject: at the preposition the verb
        /// governs (دعا … إلى، طالب … بـ، حذر … من، أعرب … عن)، at a noun carrying a pronoun that refers
        /// back to the subject (أعلنت الحركة مسؤوليتها), or at a verbal noun (أكدت القناة سقوط …، توقع
        /// فالتمان انتعاش …). -1 when there is none: the verb then reports nothing.
        /// </summary>
        private int ObjectStart(Cue cue, int end)
        {
            if (GovernedBy(cue) is not { } prepositions)
            {
                return -1;
            }

            // Without a written subject (وأعلنت …، كما أكد …، إذ أشاد …) the object follows the verb at once.
            int next = cue.Last + 1;
            if (Array.IndexOf(prepositions, doc.Norm(next)) >= 0
                || (ContinuesSource(cue) && doc.IsWord(next) && (CueLexicon.IsVerbalNoun(doc.Norm(next)) || (doc.Norm(next)[0] == 'ب' && StartsObject(doc.Norm(next), next, prepositions)))))
            {
                return next; // أشارت إلى مقتل …، وأعلنت استدعاء سفيرها: the subject is the last source
            }

            bool subjectWords = false;
            for (int j = next; j <= end && j <= cue.Last + ObjectWindow; j++)
            {
                if (!doc.IsWord(j))
                {
                    // A comma may follow a time adverbial (أعلن فرع التنظيم أمس، مسؤوليته); otherwise the clause ends.
                    bool afterTime = doc.IsComma(j) && CueLexicon.TimeWords.Contains(doc.Norm(j - 1));
                    if (doc.Tokens[j].IsTerminal || (doc.IsComma(j) && !afterTime) || (doc.Tokens[j].Kind == TokenKind.QuoteMark && !IsQuotedName(j)))
                    {
                        return -1;
                    }

                    if (doc.Tokens[j].Kind == TokenKind.QuoteMark)
                    {
                        j = doc.Quotes[doc.OpenAt[j]].Close; // a name in quote marks inside the subject: قناة "إن تي في"
                    }

                    continue;
                }

                string n = doc.Norm(j);
                if (CueLexicon.TimeWords.Contains(n))
                {
                    continue;
                }

                if (subjectWords && StartsObject(n, j, prepositions))
                {
                    return j;
                }

                if (CueLexicon.SpeakerStops.Contains(n) || CueLexicon.Matches(CueLexicon.Verbs, n, out _) || CueLexicon.Complementizers.Contains(n))
                {
                    return -1;
                }

                subjectWords = true;
            }

            return -1;
        }

        /// <summary>The prepositions the cue's verb governs when it reports through an object (none: directly), or null when it does not.</summary>
        private string[]? GovernedBy(Cue cue) =>
            CueLexicon.ObjectVerbs.GetValueOrDefault(cue.Prefixed ? doc.Norm(cue.First)[1..] : doc.Norm(cue.First));

        /// <summary>Whether the cue continues the current source without writing it (وأعلنت …، كما أكد …، إذ أشاد …).</summary>
        private bool ContinuesSource(Cue cue) =>
            cue.Prefixed || CueLexicon.PronounOpeners.Contains(doc.Norm(cue.First - 1)) || CueLexicon.ClauseOpeners.Contains(doc.Norm(cue.First - 1));

        /// <summary>Whether the word at <paramref name="j"/>, after a subject, starts the object of a verb governing <paramref name="prepositions"/>.</summary>
        private bool StartsObject(string n, int j, string[] prepositions)
        {
            if (Array.IndexOf(prepositions, n) >= 0)
            {
                return !doc.IsNameAli(j); // محمد علي جعفري: a name, not على
            }

            if (n.Length > 3 && n[0] == 'ب')
            {
                // بالتصدي، بعجزه، بوجود، بتشكيل — but not a name that starts with ب (بوتين، بشار).
                string rest = n[1..];
                return Array.IndexOf(prepositions, "ب") >= 0
                    && (rest.StartsWith("ال", StringComparison.Ordinal) || CueLexicon.IsVerbalNoun(rest) || IsPossessiveObject(rest, j));
            }

            // A noun joined by و continues the subject (ومقره); a title or a preposition before the word wants its complement.
            // An indefinite source noun wants its complement too (تنظيم أجناد مصر، حركة أحرار الشام).
            string previous = doc.Norm(j - 1);
            bool subjectComplete = n[0] != 'و' && !CueLexicon.Titles.Contains(previous) && !CueLexicon.NotSpeakerStarts.Contains(previous)
                && !CueLexicon.SourceNouns.Contains(previous);
            return subjectComplete && (IsPossessiveObject(n, j) || CueLexicon.IsVerbalNoun(n));
        }

        /// <summary>A noun carrying a pronoun that refers back to the subject: مسؤوليتها، استعداده، تعازيهما.</summary>
        private bool IsPossessiveObject(string n, int j) =>
            n.Length >= 4 && !n.StartsWith("ال", StringComparison.Ordinal)
            && (n.EndsWith("ها", StringComparison.Ordinal) || n.EndsWith("هم", StringComparison.Ordinal) || n.EndsWith("هما", StringComparison.Ordinal)
                || (n[^1] == 'ه' && doc.Text[doc.Tokens[j].End - 1] != '\u0629'));

        /// <summary>Whether the quote mark at <paramref name="j"/> opens a short quoted name (حزب «القوات اللبنانية»).</summary>
        private bool IsQuotedName(int j) =>
            doc.OpenAt[j] >= 0 && doc.Quotes[doc.OpenAt[j]].Words <= 3 && doc.Quotes[doc.OpenAt[j]].Close > j;
    }
}
