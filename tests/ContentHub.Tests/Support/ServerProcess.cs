using System.Diagnostics;

namespace ContentHub.Tests.Support;

/// <summary>Runs the real server executable with a CLI verb, as a user would, and captures what it prints.</summary>
public static class ServerProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Result> RunAsync(IEnumerable<string> args, string databasePath, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Process.Start(StartInfo(args, databasePath, environment))!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Starts the verb and kills it with SIGKILL <paramref name="delay"/> after it printed <paramref name="marker"/>
    /// to standard error; true if it finished before that.
    /// </summary>
    public static async Task<bool> KillAfterAsync(IEnumerable<string> args, string databasePath, string marker, TimeSpan delay)
    {
        using var process = Process.Start(StartInfo(args, databasePath, environment: null))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var seen = new System.Text.StringBuilder();
        var buffer = new char[4096];
        int read;
        while (!seen.ToString().Contains(marker, StringComparison.Ordinal) && (read = await process.StandardError.ReadAsync(buffer)) > 0)
        {
            seen.Append(buffer, 0, read);
        }

        await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(delay));
        var finished = process.HasExited;
        if (!finished)
        {
            process.Kill(entireProcessTree: true); // SIGKILL on Linux: no chance to clean up
        }

        await process.WaitForExitAsync();
        await output;
        return finished;
    }

    /// <summary>Starts the server (a node, or a verb) in the background; the caller reads its output and stops it.</summary>
    public static Process Start(IEnumerable<string> args, string databasePath, IReadOnlyDictionary<string, string>? environment = null) =>
        Process.Start(StartInfo(args, databasePath, environment))!;

    private static ProcessStartInfo StartInfo(IEnumerable<string> args, string databasePath, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ContentHub.Server.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__ContentHub"] = $"Data Source={databasePath}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }
}
