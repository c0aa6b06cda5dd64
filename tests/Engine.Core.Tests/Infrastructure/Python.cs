using System.Diagnostics;
using System.Text.Json;

namespace Engine.Tests.Infrastructure;

/// <summary>Runs the project's reference scorers (Python, standard library only) and parses their JSON.</summary>
public static class Python
{
    public static JsonDocument RunJson(string script, params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(TestData.Shared, "tools", script));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{script} failed: {error}");
        return JsonDocument.Parse(output.Trim().Split('\n')[^1]);
    }
}
