using Engine.Lexing;
using Engine.Tests.Infrastructure;

namespace Engine.Tests.Lexing;

/// <summary>The hot path allocates nothing once warmed up (counted, not timed).</summary>
public class AllocationTests
{
    [Fact]
    public void TokenizeNormalizeStem_KnownText_AllocatesNothing()
    {
        string seed = TestData.Seed;
        var terms = new TermAnalyzer();
        int Run()
        {
            int sum = 0;
            var tokenizer = new Tokenizer(seed);
            while (tokenizer.Read(out Token t))
            {
                sum += terms.TermOf(seed, t);
            }

            return sum;
        }

        int first = Run();
        for (int i = 0; i < 50; i++)
        {
            Run(); // let tiered compilation settle: its transitions may allocate on this thread
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int second = Run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(first, second);
        Assert.Equal(0, allocated);
        Assert.True(terms.Terms.Count > 200);
    }
}
