using System.Diagnostics;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Engine.Server.Tests;

/// <summary>The server as a process of its own (the built Engine.Server.dll) on a free loopback port; disposing it kills it.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private ServerProcess(Process process, string address)
    {
        _process = process;
        Address = address;
        Channel = GrpcChannel.ForAddress(address);
    }

    public string Address { get; }

    public GrpcChannel Channel { get; }

    public Engine.Grpc.V1.Summarizer.SummarizerClient Summarizer => new(Channel);

    public Engine.Grpc.V1.Documents.DocumentsClient Documents => new(Channel);

    /// <summary>Starts the server with <paramref name="arguments"/> and waits until its health service answers SERVING.</summary>
    public static async Task<ServerProcess> StartAsync(params string[] arguments)
    {
        string address = $"http://127.0.0.1:{HttpTests.FreePort()}";
        var server = new ServerProcess(Process.Start(StartInfo(["--urls", address, "--Engine:HttpUrl=", .. arguments]))!, address);
        server._process.OutputDataReceived += (_, e) => server.Record(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Record(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        var health = new Health.HealthClient(server.Channel);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2))).Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return server;
                }
            }
            catch (global::Grpc.Core.RpcException) when (!server._process.HasExited && waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(200);
            }
            catch (global::Grpc.Core.RpcException e)
            {
                server.Dispose();
                throw new InvalidOperationException($"The server did not start: {e.Status.Detail}\n{server.Output}");
            }
        }
    }

    /// <summary>How the built server is started as a process with <paramref name="arguments"/>, its output captured.</summary>
    public static ProcessStartInfo StartInfo(string[] arguments) =>
        new("dotnet", [typeof(EngineServer).Assembly.Location, .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        };

    /// <summary>What the process wrote, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Ends the process at once, as a crash would: nothing is shut down in order.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Channel.Dispose();
        Kill();
        _process.Dispose();
    }

    private void Record(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
