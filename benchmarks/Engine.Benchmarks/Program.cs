using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// ENGINE_BENCHMARKS_SMOKE=1 turns every job into one in-process invocation, so that a command can
// be checked end to end (setup, every case, the summary table) in seconds; its times mean nothing.
IConfig? config = Environment.GetEnvironmentVariable("ENGINE_BENCHMARKS_SMOKE") == "1"
    ? DefaultConfig.Instance.AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithInvocationCount(1).WithUnrollFactor(1).AsMutator())
    : null;
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);

/// <summary>Entry point: <c>dotnet run -c Release --project benchmarks/Engine.Benchmarks -- --filter '*'</c>.</summary>
public partial class Program;
