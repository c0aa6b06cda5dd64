using Engine.Grpc.V1;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace Engine.Server.Internal;

/// <summary>
/// Where a version's edits sit, in the session's offset unit: the previous text's range
/// [<paramref name="Start"/>, <paramref name="OldEnd"/>) became text ending at <paramref name="NewEnd"/>.
/// </summary>
internal readonly record struct OffsetShift(long Start, long OldEnd, long NewEnd, int IndexShift)
{
    /// <summary>Maps an offset of the previous version (DocumentDelta's rule); false inside the replaced range.</summary>
    public bool TryMap(ref long offset)
    {
        if (offset < Start)
        {
            return true; // before the edits, or -1 for "none"
        }

        if (offset >= OldEnd)
        {
            offset += NewEnd - OldEnd;
            return true;
        }

        return false;
    }
}

/// <summary>
/// The DocumentDelta between two results of a session (see its comment in engine.proto for the
/// contract): each list is walked once with two cursors; an item of the previous list is kept when,
/// its offsets mapped, it equals the next item of the new list, so whatever else changed (a score, a
/// speaker resolved anew) travels in the delta and applying it always gives the new result.
/// </summary>
internal static class Deltas
{
    /// <summary>
    /// The delta from <paramref name="previous"/> to <paramref name="next"/>. <paramref name="previous"/>
    /// is consumed: its items are mapped in place (it is the version the client drops).
    /// </summary>
    public static DocumentDelta Between(SummarizeResponse previous, SummarizeResponse next, OffsetShift shift)
    {
        var delta = new DocumentDelta
        {
            ReplacedStart = shift.Start,
            ReplacedEnd = shift.OldEnd,
            NewEnd = shift.NewEnd,
            SentenceIndexShift = shift.IndexShift,
            Sentences = new SentencesDelta(),
            AllSentences = new SentencesDelta(),
            Quotes = new QuotesDelta(),
            Diagnostics = new DiagnosticsDelta(),
            Keyphrases = new KeyphrasesDelta(),
            Stats = next.Stats,
        };
        Diff(previous.Sentences, next.Sentences, s => Map(s, shift), s => s.Start, delta.Sentences.Removed, delta.Sentences.AddedAt, delta.Sentences.Added);
        Diff(previous.AllSentences, next.AllSentences, s => Map(s, shift), s => s.Start, delta.AllSentences.Removed, delta.AllSentences.AddedAt, delta.AllSentences.Added);
        Diff(previous.Quotes, next.Quotes, q => Map(q, shift), q => q.ContentStart, delta.Quotes.Removed, delta.Quotes.AddedAt, delta.Quotes.Added);
        Diff(previous.Diagnostics, next.Diagnostics, d => Map(d, shift), d => d.Start, delta.Diagnostics.Removed, delta.Diagnostics.AddedAt, delta.Diagnostics.Added);
        Diff(previous.Keyphrases, next.Keyphrases, _ => true, null, delta.Keyphrases.Removed, delta.Keyphrases.AddedAt, delta.Keyphrases.Added);
        return delta;
    }

    /// <summary>
    /// Two cursors over lists in document order: a kept pair advances both; otherwise the item with
    /// the smaller key (the other's is still to come) is the one removed or added, and on equal
    /// keys (or without keys) both are replaced.
    /// </summary>
    private static void Diff<T>(
        RepeatedField<T> before, RepeatedField<T> after, Func<T, bool> map, Func<T, long>? key,
        RepeatedField<int> removed, RepeatedField<int> addedAt, RepeatedField<T> added) where T : IMessage<T>
    {
        int i = 0, j = 0;
        bool mapped = before.Count > 0 && map(before[0]);
        while (i < before.Count && j < after.Count)
        {
            bool keep = mapped && before[i].Equals(after[j]);
            int order = keep || !mapped || key is null ? 0 : key(before[i]).CompareTo(key(after[j]));
            bool takeOld = keep || !mapped || order <= 0;
            bool takeNew = keep || (mapped && order >= 0);
            if (takeOld)
            {
                if (!keep)
                {
                    removed.Add(i);
                }

                i++;
                mapped = i < before.Count && map(before[i]);
            }

            if (takeNew)
            {
                if (!keep)
                {
                    Add(j);
                }

                j++;
            }
        }

        for (; i < before.Count; i++)
        {
            removed.Add(i);
        }

        for (; j < after.Count; j++)
        {
            Add(j);
        }

        void Add(int at)
        {
            addedAt.Add(at);
            added.Add(after[at]);
        }
    }

    private static bool Map(Sentence s, OffsetShift shift)
    {
        bool after = s.Start >= shift.OldEnd;
        long start = s.Start, end = s.End;
        if (!shift.TryMap(ref start) || !shift.TryMap(ref end))
        {
            return false;
        }

        s.Start = start;
        s.End = end;
        s.Index += after ? shift.IndexShift : 0;
        return true;
    }

    private static bool Map(Quote q, OffsetShift shift)
    {
        long contentStart = q.ContentStart, contentEnd = q.ContentEnd, speakerStart = q.SpeakerStart, speakerEnd = q.SpeakerEnd, cueStart = q.CueStart, cueEnd = q.CueEnd;
        if (!shift.TryMap(ref contentStart) || !shift.TryMap(ref contentEnd) || !shift.TryMap(ref speakerStart)
            || !shift.TryMap(ref speakerEnd) || !shift.TryMap(ref cueStart) || !shift.TryMap(ref cueEnd))
        {
            return false;
        }

        (q.ContentStart, q.ContentEnd, q.SpeakerStart, q.SpeakerEnd, q.CueStart, q.CueEnd) = (contentStart, contentEnd, speakerStart, speakerEnd, cueStart, cueEnd);
        return true;
    }

    private static bool Map(Diagnostic d, OffsetShift shift)
    {
        long start = d.Start, end = d.End;
        if (!shift.TryMap(ref start) || !shift.TryMap(ref end))
        {
            return false;
        }

        (d.Start, d.End) = (start, end);
        return true;
    }
}
