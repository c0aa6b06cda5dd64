using System.Text.Json;

namespace Engine.Benchmarks.Infrastructure;

/// <summary>The shared corpora, found beside the repository (or through ENGINE_SHARED).</summary>
public static class Corpus
{
    public static string Shared
    {
        get
        {
            if (Environment.GetEnvironmentVariable("ENGINE_SHARED") is { Length: > 0 } env)
            {
                return env;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Engine.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                }
            }

            throw new InvalidOperationException("Engine.sln not found above " + AppContext.BaseDirectory + "; set ENGINE_SHARED.");
        }
    }

    public static string[] Texts(string relativePath, string field = "text") =>
        File.ReadLines(Path.Combine(Shared, relativePath))
            .Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty(field).GetString()!)
            .ToArray();

    public static string[] News() => Texts("corpus/news/articles.jsonl");

    public static string[] Easc() => Texts("corpus/easc/docs.jsonl");
}
