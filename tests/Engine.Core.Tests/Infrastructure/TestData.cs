using System.Text.Json;

namespace Engine.Tests.Infrastructure;

/// <summary>Paths to the repository's seed and to the shared corpora and gold data beside the repository.</summary>
public static class TestData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root (the folder holding Engine.sln).</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The shared data folder: ENGINE_SHARED if set, else ../shared beside the repository.</summary>
    public static string Shared =>
        Environment.GetEnvironmentVariable("ENGINE_SHARED") is { Length: > 0 } env ? env : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string SeedPath => Path.Combine(RepositoryRoot, "seeds", "000_cc32e3e8c87c2fdc.txt");

    public static string Seed => File.ReadAllText(SeedPath);

    public static string NewsPath => Path.Combine(Shared, "corpus", "news", "articles.jsonl");

    public static string EascPath => Path.Combine(Shared, "corpus", "easc", "docs.jsonl");

    /// <summary>Each line of a JSON Lines file, parsed.</summary>
    public static IEnumerable<JsonElement> ReadJsonLines(string path)
    {
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length > 0)
            {
                using var doc = JsonDocument.Parse(line);
                yield return doc.RootElement.Clone();
            }
        }
    }

    private static readonly Lazy<IReadOnlyList<(string Id, string Text)>> News = new(() =>
        ReadJsonLines(NewsPath).Select(e => (e.GetProperty("id").GetString()!, e.GetProperty("text").GetString()!)).ToList());

    /// <summary>The texts of the news corpus, with their ids (read once per test run).</summary>
    public static IReadOnlyList<(string Id, string Text)> NewsArticles() => News.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Engine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Engine.sln not found above " + AppContext.BaseDirectory);
    }
}
