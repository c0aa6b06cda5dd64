using Engine.Tests.Infrastructure;

namespace Engine.Server.Tests;

/// <summary>The README shows the client examples that CI runs, verbatim.</summary>
public class ReadmeTests
{
    [Theory]
    [InlineData("examples/node/summarize.mjs")]
    [InlineData("examples/python/summarize.py")]
    public void TheReadme_ShowsTheExampleAsItIs(string example)
    {
        string readme = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "README.md"));
        string code = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, example));

        Assert.Contains($"`{example}`:", readme, StringComparison.Ordinal);
        Assert.Contains(code, readme, StringComparison.Ordinal);
    }
}
