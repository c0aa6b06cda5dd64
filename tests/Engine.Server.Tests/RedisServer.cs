using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Engine.Server.Tests;

/// <summary>
/// A redis-server of the tests' own on a free loopback port, keeping nothing on disk; disposing it
/// stops it. The binary is ENGINE_REDIS_SERVER or redis-server on the PATH (Debian: apt-get install
/// redis-server; .ci/run installs it).
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly Process _process;

    public RedisServer()
    {
        string binary = Environment.GetEnvironmentVariable("ENGINE_REDIS_SERVER") is { Length: > 0 } b ? b : "redis-server";
        Port = HttpTests.FreePort();
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"The cluster tests need redis-server ({binary}: {e.Message}). Install it (apt-get install redis-server) or set ENGINE_REDIS_SERVER to its path.", e);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (!Accepts(Port))
        {
            if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new InvalidOperationException($"redis-server did not start on port {Port}.");
            }

            Thread.Sleep(50);
        }
    }

    public int Port { get; }

    /// <summary>The connection string the servers are given (Engine:Cluster:Redis).</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
