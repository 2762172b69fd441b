using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ContentHub.Tests.Support;

/// <summary>
/// A private, throwaway Redis for one test: <c>redis-server</c> (the Debian package's, or the program
/// <see cref="EnvironmentVariable"/> names) on a free loopback port, without persistence, with its own folder under the
/// temp folder. Tests stop it and start it again (empty, on the same port) to see what the nodes do meanwhile; it is
/// stopped when the test disposes it, or when the test process ends, however it ends.
/// </summary>
public sealed class RedisTestServer : IDisposable
{
    public const string EnvironmentVariable = "CONTENTHUB_TEST_REDIS";

    public const string NotFound =
        "redis-server not found: install it (apt-get install redis-server) or set CONTENTHUB_TEST_REDIS to the redis-server program to run.";

    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"contenthub-redis-{Guid.NewGuid():N}")).FullName;
    private readonly int _port = FreePort();
    private Process? _server;
    private Process? _watchdog;

    public RedisTestServer() => Start();

    public static string? Program { get; } = FindProgram();

    public static bool IsAvailable => Program is not null;

    /// <summary>The value of <c>ConnectionStrings:Redis</c> for the nodes.</summary>
    public string ConnectionString => $"127.0.0.1:{_port}";

    /// <summary>Starts the server (empty: it keeps nothing on disk) and returns once it accepts connections.</summary>
    public void Start()
    {
        var start = new ProcessStartInfo(Program ?? throw new InvalidOperationException(NotFound))
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "--port", $"{_port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder, "--daemonize", "no" })
        {
            start.ArgumentList.Add(arg);
        }

        _server = Process.Start(start)!;
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        _watchdog = Process.Start(new ProcessStartInfo("sh", ["-c", $"exec </dev/null >/dev/null 2>&1; tail --pid={Environment.ProcessId} -f /dev/null; kill -9 {_server.Id}"]));
        WaitUntilListening();
    }

    /// <summary>Kills the server at once, as a crash would.</summary>
    public void Stop()
    {
        if (_server is null)
        {
            return;
        }

        _server.Kill();
        _server.WaitForExit();
        _server.Dispose();
        _server = null;
        _watchdog!.Kill();
        _watchdog.Dispose();
        _watchdog = null;
    }

    /// <summary>Stops the server and starts an empty one on the same port: a restart that lost everything.</summary>
    public void RestartEmpty()
    {
        Stop();
        Start();
    }

    public void Dispose()
    {
        Stop();
        Directory.Delete(_folder, recursive: true);
    }

    private static string? FindProgram()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Append("/usr/bin")
            .Select(folder => Path.Combine(folder, "redis-server"))
            .FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, _port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_server!.HasExited)
            {
                Thread.Sleep(20);
            }
        }
    }
}
