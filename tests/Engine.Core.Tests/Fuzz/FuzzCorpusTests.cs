using Engine.Fuzz;
using Engine.Tests.Infrastructure;

namespace Engine.Core.Tests.Fuzz;

/// <summary>
/// Replays the fuzzing corpus (tests/Engine.Fuzz/corpus: the seeds and what AFL++ found that
/// reached new code) and every past crash (tests/Engine.Fuzz/crashes) through the targets, so a
/// fixed crash stays fixed and the invariants hold on every saved input.
/// </summary>
public sealed class FuzzCorpusTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        string root = Path.Combine(TestData.RepositoryRoot, "tests", "Engine.Fuzz");
        foreach (string kind in new[] { "corpus", "crashes" })
        {
            foreach (string target in FuzzTargets.Names)
            {
                string folder = Path.Combine(root, kind, target);
                if (Directory.Exists(folder))
                {
                    foreach (string file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
                    {
                        data.Add(target, Path.GetRelativePath(root, file));
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Target_SavedInput_KeepsItsInvariants(string target, string file)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(TestData.RepositoryRoot, "tests", "Engine.Fuzz", file));

        FuzzTargets.Run(target, input); // throws InvariantException naming the broken invariant
    }

    [Fact]
    public void Corpus_EveryTarget_HasSeeds()
    {
        Assert.All(FuzzTargets.Names, target => Assert.NotEmpty(Directory.GetFiles(Path.Combine(TestData.RepositoryRoot, "tests", "Engine.Fuzz", "corpus", target))));
    }
}
