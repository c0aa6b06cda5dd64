using Engine.Quotes.Internal;

namespace Engine.Quotes;

public static partial class QuoteExtractor
{
    /// <summary>Participles that continue a source: …، مضيفا أنّ …، مشيرا إلى …</summary>
    private sealed partial class Run
    {
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

            Emit(cue.First, cue.Last, anchor, end, speaker, speaker?.LastMention ?? TextSpan.None, new QuoteEvidence(CueRule.Participle, speaker is null ? SpeakerRule.None : SpeakerRule.ClauseSource));
            return speaker;
        }
    }
}
