using Engine.Lexing;

namespace Engine.Quotes.Internal;

/// <summary>
/// Resolves speaker mentions to sources across an article: a repeated surname (أوستن) joins the
/// source with that name, a short description (المتحدّث، ذات الدبلوماسي، الوزارة) joins the most
/// recent source it describes, and the canonical speaker is the fullest mention of the source
/// anywhere in the article, including named mentions outside quotes.
/// </summary>
internal sealed class SpeakerResolver(QuoteDocument doc)
{
    private static readonly HashSet<string> Demonstratives = new(["ذات", "نفس", "هذا", "هذه", "هؤلاء", "ذلك", "تلك"], StringComparer.Ordinal);

    private readonly List<SpeakerEntity> _entities = [];
    private readonly Dictionary<string, SpeakerEntity> _bySurname = new(StringComparer.Ordinal);
    private Dictionary<string, List<(int First, int Last)>>? _mentionsByName;
    private List<(int First, int Last)>? _namedMentions;

    /// <summary>The source of the most recent quote.</summary>
    public SpeakerEntity? Last { get; set; }

    /// <summary>Finds or creates the source for an explicit mention (token range, inclusive).</summary>
    public SpeakerEntity Resolve(int first, int last)
    {
        TextSpan span = doc.SpanOf(first, last);
        string name = ExtractName(first, last, out _);
        var stems = new List<string>();
        for (int i = first; i <= last; i++)
        {
            if (doc.IsWord(i) && !Demonstratives.Contains(doc.Norm(i)))
            {
                stems.Add(doc.Stem(i));
            }
        }

        SpeakerEntity? found = null;
        if (name.Length > 0)
        {
            found = _bySurname.GetValueOrDefault(Surname(name));
        }
        else if (stems.Count > 0 && (stems.Count <= 2 || Demonstratives.Contains(doc.Norm(first))))
        {
            // A short description: the most recent source whose mentions share its head word.
            string head = stems[0];
            for (int k = _entities.Count - 1; k >= 0 && found is null; k--)
            {
                if (_entities[k].Stems.Contains(head))
                {
                    found = _entities[k];
                }
            }
        }

        if (found is null)
        {
            found = new SpeakerEntity { Fullest = span, Name = name, LastMention = span };
            _entities.Add(found);
        }

        if (span.End - span.Start > found.Fullest.End - found.Fullest.Start && !Demonstratives.Contains(doc.Norm(first)))
        {
            found.Fullest = span;
        }

        if (found.Name.Length == 0 && name.Length > 0)
        {
            found.Name = name;
        }

        found.LastMention = span;
        found.LastToken = last;
        if (found.Agreement == Agreement.Unknown)
        {
            found.Agreement = AgreementOf(first, last, name.Length > 0);
        }

        if (found.Name.Length > 0)
        {
            _bySurname[Surname(found.Name)] = found;
        }

        foreach (string s in stems)
        {
            found.Stems.Add(s);
        }

        return found;
    }

    /// <summary>
    /// The most recently named source that agrees with <paramref name="agreement"/>, named at or after
    /// token <paramref name="since"/> and before <paramref name="before"/>; null when there is none.
    /// </summary>
    public SpeakerEntity? RecentAgreeing(Agreement agreement, int since, int before)
    {
        SpeakerEntity? best = null;
        foreach (SpeakerEntity e in _entities)
        {
            if (e.LastToken >= since && e.LastToken < before && Agrees(e, agreement) && (best is null || e.LastToken > best.LastToken))
            {
                best = e;
            }
        }

        return best;
    }

    /// <summary>Whether a source can be the subject of a verb showing <paramref name="agreement"/>.</summary>
    public static bool Agrees(SpeakerEntity entity, Agreement agreement) =>
        agreement == Agreement.Unknown || entity.Agreement == Agreement.Unknown || entity.Agreement == agreement;

    /// <summary>
    /// The agreement a mention shows by its head word: a title or a person's name is masculine unless
    /// it ends in ة; a word ending in ة or a sound feminine plural (ات) is feminine; a sound masculine
    /// plural (ون، ين) is masculine. Other heads (مصادر، خبراء) show nothing.
    /// </summary>
    private Agreement AgreementOf(int first, int last, bool named)
    {
        int head = first;
        while (head <= last && (!doc.IsWord(head) || Demonstratives.Contains(doc.Norm(head))))
        {
            head++;
        }

        if (head > last)
        {
            return Agreement.Unknown;
        }

        string n = doc.Norm(head);
        Engine.Lexing.Token token = doc.Tokens[head];
        if (doc.Text[token.End - 1] == '\u0629' || (n.EndsWith("ات", StringComparison.Ordinal) && n.Length > 4))
        {
            return Agreement.Feminine;
        }

        if (CueLexicon.Titles.Contains(n) || n.EndsWith("ون", StringComparison.Ordinal) || n.EndsWith("يين", StringComparison.Ordinal)
            || (named && !n.StartsWith("ال", StringComparison.Ordinal)))
        {
            return Agreement.Masculine;
        }

        return Agreement.Unknown;
    }

    /// <summary>The known source whose name ends with the word <paramref name="normalizedWord"/>, if any (most recent first).</summary>
    public SpeakerEntity? FindBySurname(string normalizedWord) =>
        _bySurname.GetValueOrDefault(normalizedWord);

    /// <summary>The title-led mention anywhere in the text (وزير الدفاع الأميركي آشتون كارتر) whose name contains <paramref name="normalizedWord"/>.</summary>
    public (int First, int Last)? NamedMentionWith(string normalizedWord)
    {
        if (_mentionsByName is null)
        {
            _mentionsByName = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
            foreach (var (first, last) in NamedMentions())
            {
                for (int k = last; k > first; k--)
                {
                    string word = doc.Norm(k);
                    if (!_mentionsByName.TryGetValue(word, out var list))
                    {
                        _mentionsByName[word] = list = [];
                    }

                    list.Add((first, k));
                }
            }
        }

        return _mentionsByName.TryGetValue(normalizedWord, out var found) ? found[0] : null;
    }

    /// <summary>The fullest mention of the source: its own mentions, or a longer named mention elsewhere in the text.</summary>
    public TextSpan Canonical(SpeakerEntity entity)
    {
        TextSpan best = entity.Fullest;
        if (entity.Name.Length > 0)
        {
            // A named mention ends at the surname (its name run may have swallowed the verb after it: لويد أوستن انضمّ).
            NamedMentionWith(string.Empty);
            if (_mentionsByName!.TryGetValue(Surname(entity.Name), out var mentions))
            {
                foreach (var (first, last) in mentions)
                {
                    TextSpan span = doc.SpanOf(first, last);
                    if (span.End - span.Start > best.End - best.Start)
                    {
                        best = span;
                    }
                }
            }
        }

        return best;
    }

    /// <summary>
    /// The proper name inside a mention: a short mention with no article or common noun is a name
    /// (أوستن، جون كيري); otherwise the run of words after the title and its definite complements
    /// (المتحدّث باسم البنتاغون → جون كيربي).
    /// </summary>
    public string ExtractName(int first, int last, out TextSpan nameSpan)
    {
        nameSpan = TextSpan.None;
        int words = 0;
        bool plain = true;
        for (int i = first; i <= last; i++)
        {
            if (!doc.IsWord(i))
            {
                continue;
            }

            words++;
            string n = doc.Norm(i);
            if (n.StartsWith("ال", StringComparison.Ordinal) || CueLexicon.NotNames.Contains(n) || CueLexicon.Titles.Contains(n) || n.EndsWith('ه') || doc.Tokens[i].Kind != TokenKind.ArabicWord)
            {
                plain = false;
            }
        }

        if (words is > 0 and <= 3 && plain)
        {
            nameSpan = doc.SpanOf(first, last);
            return nameSpan.Of(doc.Text);
        }

        // After a title or a definite word: the trailing run of words that are neither definite nor common nouns.
        int end = last;
        while (end >= first && !doc.IsWord(end))
        {
            end--;
        }

        int start = end + 1;
        for (int i = end; i >= first && end - i < 4; i--)
        {
            if (!doc.IsWord(i))
            {
                break;
            }

            string n = doc.Norm(i);
            if (n.StartsWith("ال", StringComparison.Ordinal) || n.StartsWith("بال", StringComparison.Ordinal) || CueLexicon.NotNames.Contains(n) || CueLexicon.Titles.Contains(n) || n == "باسم" || n == "في")
            {
                break;
            }

            start = i;
        }

        if (start > end || (start == first && !CueLexicon.Titles.Contains(doc.Norm(first))))
        {
            return string.Empty;
        }

        int before = start - 1;
        while (before >= first && !doc.IsWord(before))
        {
            before--;
        }

        if (before < first)
        {
            return string.Empty;
        }

        string prev = doc.Norm(before);
        if (!(prev.StartsWith("ال", StringComparison.Ordinal) || CueLexicon.Titles.Contains(prev) || prev == "باسم"))
        {
            return string.Empty;
        }

        nameSpan = doc.SpanOf(start, end);
        return nameSpan.Of(doc.Text);
    }

    private List<(int First, int Last)> NamedMentions()
    {
        if (_namedMentions is not null)
        {
            return _namedMentions;
        }

        // Title-led mentions anywhere in the text: وزير الدفاع الأميركي لويد أوستن.
        _namedMentions = [];
        var tokens = doc.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (!doc.IsWord(i) || !CueLexicon.Titles.Contains(doc.Norm(i)))
            {
                continue;
            }

            int j = i + 1;
            while (j < tokens.Length && j - i < 8 && doc.IsWord(j) && (doc.Norm(j).StartsWith("ال", StringComparison.Ordinal) || doc.Norm(j) == "باسم"))
            {
                j++;
            }

            int nameStart = j;
            while (j < tokens.Length && j - nameStart < 3 && doc.IsWord(j) && tokens[j].Kind == TokenKind.ArabicWord)
            {
                string n = doc.Norm(j);
                if (n.StartsWith("ال", StringComparison.Ordinal) || CueLexicon.NotNames.Contains(n) || CueLexicon.Titles.Contains(n)
                    || CueLexicon.Complementizers.Contains(n) || CueLexicon.Matches(CueLexicon.Verbs, n, out _) || (CueLexicon.Prepositions.Contains(n) && !doc.IsNameAli(j))
                    || n.EndsWith("ته", StringComparison.Ordinal) || n.EndsWith("ها", StringComparison.Ordinal) || n.EndsWith("هم", StringComparison.Ordinal))
                {
                    break;
                }

                j++;
            }

            if (j > nameStart && nameStart > i + 1)
            {
                _namedMentions.Add((i, j - 1));
            }
        }

        return _namedMentions;
    }

    private static string Surname(string name)
    {
        string n = ArabicNormalizer.Normalize(name.Trim());
        int space = n.LastIndexOf(' ');
        return space >= 0 ? n[(space + 1)..] : n;
    }
}
