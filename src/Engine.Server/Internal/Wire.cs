using Engine.Grpc.V1;
using Engine.Incremental;
using Engine.Quotes;
using Engine.Summarization;
using Engine.Text;
using CoreQuoteKind = Engine.Quotes.QuoteKind;
using Quote = Engine.Quotes.Quote;
using QuoteKind = Engine.Grpc.V1.QuoteKind;
using Sentence = Engine.Grpc.V1.Sentence;
using SentenceFeatures = Engine.Grpc.V1.SentenceFeatures;

namespace Engine.Server.Internal;

/// <summary>Maps core results to wire messages, converting every offset to the client's unit.</summary>
internal static class Wire
{
    public static Sentence Sentence(Summary summary, ScoredSentence s, OffsetMap map) => new()
    {
        Index = s.Index,
        Start = map.ToUnit(s.Start),
        End = map.ToUnit(s.End),
        Text = summary.TextOf(s),
        Score = s.Score,
        Features = new SentenceFeatures
        {
            Centrality = s.Features.Centrality,
            Position = s.Features.Position,
            TitleOverlap = s.Features.TitleOverlap,
            Length = s.Features.Length,
            Redundancy = s.Features.Redundancy,
            ParagraphStart = s.Features.ParagraphStart,
        },
    };

    public static Grpc.V1.Quote Quote(Quote q, OffsetMap map) => new()
    {
        Kind = q.Kind switch
        {
            CoreQuoteKind.Direct => QuoteKind.Direct,
            CoreQuoteKind.Indirect => QuoteKind.Indirect,
            _ => QuoteKind.Mixed,
        },
        Content = q.Content,
        Speaker = q.Speaker,
        SpeakerName = q.SpeakerName,
        SpeakerCanonical = q.SpeakerCanonical,
        Cue = q.Cue,
        ContentStart = map.ToUnit(q.ContentSpan.Start),
        ContentEnd = map.ToUnit(q.ContentSpan.End),
        SpeakerStart = q.SpeakerSpan.IsEmpty ? -1 : map.ToUnit(q.SpeakerSpan.Start),
        SpeakerEnd = q.SpeakerSpan.IsEmpty ? -1 : map.ToUnit(q.SpeakerSpan.End),
        CueStart = map.ToUnit(q.CueSpan.Start),
        CueEnd = map.ToUnit(q.CueSpan.End),
        Confidence = q.Confidence,
    };

    public static Diagnostic Diagnostic(QuoteDiagnostic d, OffsetMap map) => new()
    {
        Code = d.Code,
        Message = d.Message,
        Start = map.ToUnit(d.Span.Start),
        End = map.ToUnit(d.Span.End),
    };

    /// <summary>
    /// A whole response: whatever <paramref name="result"/> holds (summary sentences, quotes of at
    /// least <paramref name="minConfidence"/>, at most <paramref name="maxDiagnostics"/> diagnostics,
    /// the rest counted in the stats) and stats.
    /// </summary>
    public static SummarizeResponse Response(
        string id, DocumentResult result, double minConfidence, OffsetMap map, double elapsedMs, int maxDiagnostics, IReadOnlySet<string>? fields = null)
    {
        bool Wanted(string field) => fields is null || fields.Contains(field);
        var response = new SummarizeResponse { Id = id };
        Summary? summary = result.Has(DocumentParts.Summary) ? result.Summary : null;
        if (summary is not null)
        {
            foreach (ScoredSentence s in Wanted("sentences") ? summary.Sentences : [])
            {
                response.Sentences.Add(Sentence(summary, s, map));
            }

            foreach (ScoredSentence s in Wanted("all_sentences") ? summary.AllSentences : [])
            {
                response.AllSentences.Add(Sentence(summary, s, map));
            }
        }

        QuoteResult? quotes = result.Has(DocumentParts.Quotes) ? result.Quotes.WithMinConfidence(minConfidence) : null;
        int diagnostics = 0;
        if (quotes is not null)
        {
            foreach (Quote q in Wanted("quotes") ? quotes.Quotes : [])
            {
                response.Quotes.Add(Quote(q, map));
            }

            diagnostics = Wanted("diagnostics") ? Math.Min(quotes.Diagnostics.Count, maxDiagnostics) : 0;
            for (int i = 0; i < diagnostics; i++)
            {
                response.Diagnostics.Add(Diagnostic(quotes.Diagnostics[i], map));
            }
        }

        if (result.Has(DocumentParts.Keyphrases) && Wanted("keyphrases"))
        {
            foreach (Engine.Keyphrases.Keyphrase k in result.Keyphrases)
            {
                response.Keyphrases.Add(new Keyphrase { Text = k.Text, Score = k.Score });
            }
        }

        if (Wanted("stats"))
        {
            response.Stats = Stats(summary, quotes, result.SentenceCount, elapsedMs);
            response.Stats.DiagnosticsOmitted = Wanted("diagnostics") ? (quotes?.Diagnostics.Count ?? 0) - diagnostics : 0;
        }

        return response;
    }

    public static Stats Stats(Summary? summary, QuoteResult? quotes, int sentenceCount, double elapsedMs) => new()
    {
        Sentences = sentenceCount,
        DocumentWords = summary?.DocumentWords ?? 0,
        SummaryWords = summary?.SummaryWords ?? 0,
        Quotes = quotes?.Quotes.Count ?? 0,
        ElapsedMs = elapsedMs,
    };

    /// <summary>Converts a client offset to UTF-16, or null when it is outside the text or inside a character.</summary>
    public static int? FromUnit(OffsetMap map, long offset) => map.TryFromUnit(offset, out int utf16) ? utf16 : null;

    /// <summary>What an edit cost and changed, on the wire.</summary>
    public static Grpc.V1.EditStats Stats(Incremental.EditStats stats) => new()
    {
        SentencesReused = stats.SentencesReused,
        SentencesAnalyzed = stats.SentencesAnalyzed,
        SummarySentencesAdded = stats.SummarySentencesAdded,
        SummarySentencesRemoved = stats.SummarySentencesRemoved,
        QuotesAdded = stats.QuotesAdded,
        QuotesRemoved = stats.QuotesRemoved,
        SectionsReused = stats.SectionsReused,
        SectionsAnalyzed = stats.SectionsAnalyzed,
    };

    /// <summary>A token on the wire: its kind and each of its flags as the proto's enums (the core's values, in order).</summary>
    public static Grpc.V1.Token Token(Lexing.Token t, string text, OffsetMap map)
    {
        var token = new Grpc.V1.Token
        {
            Kind = (Grpc.V1.TokenKind)(int)t.Kind,
            Start = map.ToUnit(t.Start),
            End = map.ToUnit(t.End),
            Text = text.Substring(t.Start, t.Length),
        };
        for (int bit = 0; bit < 16; bit++)
        {
            if (((int)t.Flags & (1 << bit)) != 0)
            {
                token.Flags.Add((Grpc.V1.TokenFlag)(bit + 1));
            }
        }

        return token;
    }
}
