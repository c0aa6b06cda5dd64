using Engine.Analysis;
using Engine.Summarization;
using Engine.Summarization.Internal;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Summarization;

public class SectionGreedyTests
{
    [Fact]
    public void TheSectionsOrder_StartsAtItsBestSentence_NeverRepeats_AndItsValuesOnlyFall()
    {
        using var analysis = new TextAnalysis();
        analysis.Load(TestData.Seed);
        using SummarySection section = SummarySection.Analyze(analysis, SummarizerOptions.Default);
        SectionScores scores = section.Scores;
        double[] score = [.. Enumerable.Range(0, scores.BodyCount).Select(i => scores.Centrality[i] + scores.Length[i])];
        var greedy = new SectionGreedy();

        greedy.Prepare(scores, score, penalty: 0.6, duplicate: 0.8);

        int best = Array.IndexOf(score, score.Max());
        Assert.True(greedy.HasPick(0));
        Assert.Equal(best, greedy.Pick(0));
        Assert.Equal(score[best], greedy.Value(0));
        var picks = new List<int>();
        for (int i = 0; greedy.HasPick(i); i++)
        {
            picks.Add(greedy.Pick(i));
            if (i > 0)
            {
                Assert.True(greedy.Value(i) <= greedy.Value(i - 1) + 1e-12);
            }
        }

        Assert.Equal(picks.Count, picks.Distinct().Count());
        Assert.InRange(picks.Count, 2, scores.BodyCount);
    }

    [Fact]
    public void WithoutPenalty_TheOrderIsTheScoresOrder_TiesToTheEarlierSentence()
    {
        using var analysis = new TextAnalysis();
        analysis.Load(TestData.Seed);
        using SummarySection section = SummarySection.Analyze(analysis, SummarizerOptions.Default);
        int n = section.Scores.BodyCount;
        double[] score = [.. Enumerable.Range(0, n).Select(i => (double)(i % 3))];
        var greedy = new SectionGreedy();

        greedy.Prepare(section.Scores, score, penalty: 0, duplicate: 1.01);

        int[] expected = [.. Enumerable.Range(0, n).OrderByDescending(i => score[i]).ThenBy(i => i)];
        int[] order = [.. Enumerable.Range(0, n).TakeWhile(greedy.HasPick).Select(greedy.Pick)];
        Assert.Equal(expected, order);
    }
}
