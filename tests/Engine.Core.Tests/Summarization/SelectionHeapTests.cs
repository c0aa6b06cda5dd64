using Engine.Summarization.Internal;

namespace Engine.Tests.Summarization;

public class SelectionHeapTests
{
    private readonly struct Fixed(double[] values) : ICurrentValue
    {
        public double Of(int id) => values[id];
    }

    /// <summary>Every pick within <paramref name="budget"/> words, in order.</summary>
    private static List<int> PopAll(int[] words, double[] values, int budget)
    {
        int maxWords = words.Max();
        (int doubles, int ints) = SelectionHeap.Scratch(words.Length, maxWords);
        var heap = new SelectionHeap(words, values, new double[doubles], new int[ints], maxWords);
        var picks = new List<int>();
        var now = new Fixed(values);
        while (heap.TryPopBest(budget, now, out int best))
        {
            picks.Add(best);
            budget -= words[best];
        }

        return picks;
    }

    [Fact]
    public void WithRoomForAll_PicksByValue_TiesToTheEarlierSentence()
    {
        int[] words = [10, 20, 10, 30];
        double[] values = [0.5, 0.9, 0.9, 0.1];

        Assert.Equal([1, 2, 0, 3], PopAll(words, values, 100));
    }

    [Fact]
    public void ASentenceTooLongForTheRemainingBudget_IsSkipped_NotDropped()
    {
        int[] words = [30, 5, 10];
        double[] values = [0.9, 0.2, 0.5];

        // Only 12 words left: the best (30 words) does not fit, the next that fits is sentence 2.
        (int doubles, int ints) = SelectionHeap.Scratch(3, 30);
        var heap = new SelectionHeap(words, values, new double[doubles], new int[ints], 30);
        var now = new Fixed(values);
        Assert.True(heap.TryPopBest(12, now, out int first));
        Assert.Equal(2, first);
        Assert.True(heap.TryPopBest(40, now, out int second));
        Assert.Equal(0, second); // still there once the budget allows it
    }

    [Fact]
    public void ACandidateWhoseValueFell_IsRankedByItsNewValue_AndNaNDropsIt()
    {
        int[] words = [5, 5, 5];
        double[] stored = [0.9, 0.8, 0.1];
        double[] current = [0.05, double.NaN, 0.1]; // 0 became redundant, 1 a near-duplicate
        (int doubles, int ints) = SelectionHeap.Scratch(3, 5);
        var heap = new SelectionHeap(words, stored, new double[doubles], new int[ints], 5);
        var now = new Fixed(current);

        Assert.True(heap.TryPopBest(100, now, out int a));
        Assert.True(heap.TryPopBest(100, now, out int b));
        Assert.False(heap.TryPopBest(100, now, out _));
        Assert.Equal([2, 0], new[] { a, b });
    }

    [Fact]
    public void RandomSelections_EqualAScanOfEveryCandidate()
    {
        var random = new Random(11);
        for (int round = 0; round < 200; round++)
        {
            int n = random.Next(1, 30);
            int[] words = [.. Enumerable.Range(0, n).Select(_ => random.Next(1, 12))];
            double[] values = [.. Enumerable.Range(0, n).Select(_ => random.Next(6) / 5.0)];
            int budget = random.Next(1, 60);

            int left = budget;
            var expected = new List<int>();
            var taken = new bool[n];
            while (true)
            {
                int best = -1;
                for (int i = 0; i < n; i++)
                {
                    if (!taken[i] && words[i] <= left && (best < 0 || values[i] > values[best]))
                    {
                        best = i;
                    }
                }

                if (best < 0)
                {
                    break;
                }

                taken[best] = true;
                left -= words[best];
                expected.Add(best);
            }

            Assert.Equal(expected, PopAll(words, values, budget));
        }
    }
}
