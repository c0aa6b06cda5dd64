using Engine.Grpc.V1;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace Engine.Server.Tests;

/// <summary>
/// The reference client of UPDATE_MODE_DELTA, written from engine.proto's comment on DocumentDelta
/// alone: one pass per list (skip removed, shift the rest, insert the added at their positions).
/// </summary>
public static class DeltaApplier
{
    /// <summary>The new version's result from the previous one (left as it was) and a delta.</summary>
    public static SummarizeResponse Apply(SummarizeResponse previous, DocumentDelta delta)
    {
        long Shift(long p) =>
            p < delta.ReplacedStart ? p
            : p >= delta.ReplacedEnd ? p + (delta.NewEnd - delta.ReplacedEnd)
            : throw new InvalidOperationException($"offset {p} of a kept item is inside the replaced range [{delta.ReplacedStart}, {delta.ReplacedEnd}).");

        Sentence MoveSentence(Sentence s)
        {
            Sentence moved = s.Clone();
            moved.Index += s.Start >= delta.ReplacedEnd ? delta.SentenceIndexShift : 0;
            (moved.Start, moved.End) = (Shift(s.Start), Shift(s.End));
            return moved;
        }

        Quote MoveQuote(Quote q)
        {
            Quote moved = q.Clone();
            (moved.ContentStart, moved.ContentEnd) = (Shift(q.ContentStart), Shift(q.ContentEnd));
            (moved.SpeakerStart, moved.SpeakerEnd) = (Shift(q.SpeakerStart), Shift(q.SpeakerEnd));
            (moved.CueStart, moved.CueEnd) = (Shift(q.CueStart), Shift(q.CueEnd));
            return moved;
        }

        Diagnostic MoveDiagnostic(Diagnostic d)
        {
            Diagnostic moved = d.Clone();
            (moved.Start, moved.End) = (Shift(d.Start), Shift(d.End));
            return moved;
        }

        var next = new SummarizeResponse { Id = previous.Id, Stats = delta.Stats };
        Apply(previous.Sentences, delta.Sentences.Removed, delta.Sentences.AddedAt, delta.Sentences.Added, MoveSentence, next.Sentences);
        Apply(previous.AllSentences, delta.AllSentences.Removed, delta.AllSentences.AddedAt, delta.AllSentences.Added, MoveSentence, next.AllSentences);
        Apply(previous.Quotes, delta.Quotes.Removed, delta.Quotes.AddedAt, delta.Quotes.Added, MoveQuote, next.Quotes);
        Apply(previous.Diagnostics, delta.Diagnostics.Removed, delta.Diagnostics.AddedAt, delta.Diagnostics.Added, MoveDiagnostic, next.Diagnostics);
        Apply(previous.Keyphrases, delta.Keyphrases.Removed, delta.Keyphrases.AddedAt, delta.Keyphrases.Added, k => k.Clone(), next.Keyphrases);
        return next;
    }

    private static void Apply<T>(
        RepeatedField<T> previous, RepeatedField<int> removed, RepeatedField<int> addedAt, RepeatedField<T> added, Func<T, T> move, RepeatedField<T> into)
        where T : IMessage<T>
    {
        Assert.Equal(added.Count, addedAt.Count);
        int r = 0, a = 0;
        for (int i = 0; i < previous.Count; i++)
        {
            if (r < removed.Count && removed[r] == i)
            {
                r++;
                continue;
            }

            while (a < added.Count && addedAt[a] == into.Count)
            {
                into.Add(added[a++]);
            }

            into.Add(move(previous[i]));
        }

        while (a < added.Count)
        {
            Assert.Equal(into.Count, addedAt[a]);
            into.Add(added[a++]);
        }

        Assert.Equal(removed.Count, r); // every removed index named an item, in ascending order
    }
}
