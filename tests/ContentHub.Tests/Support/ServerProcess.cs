using System.Diagnostics;

namespace ContentHub.Tests.Support;

/// <summary>Runs the real server executable with a CLI verb, as a user would, and captures what it prints.</summary>
public static class ServerProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static Task<Result> RunAsync(IEnumerable<string> args, string databasePath, IReadOnlyDictionary<string, string>? environment = null) =>
        RunAsync(args, SqliteFile(databasePath), environment, workingDirectory: null);

    /// <summary>Runs the verb from <paramref name="workingDirectory"/> with these settings (configuration keys) only.</summary>
    public static Task<Result> RunInAsync(string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string> settings) =>
        RunAsync(args, settings, environment: null, workingDirectory);

    /// <summary>Runs the verb against <paramref name="database"/>'s database (SQLite or PostgreSQL), without starting that factory's server.</summary>
    public static Task<Result> RunAsync(IEnumerable<string> args, ContentHubFactory database, IReadOnlyDictionary<string, string>? environment = null) =>
        RunAsync(args, database.DatabaseSettings, environment, workingDirectory: null);

    private static async Task<Result> RunAsync(
        IEnumerable<string> args, IReadOnlyDictionary<string, string> database, IReadOnlyDictionary<string, string>? environment, string? workingDirectory)
    {
        using var process = Process.Start(StartInfo(args, database, environment, workingDirectory))!;
        // Only against a hung verb: an import of 1,500 articles takes minutes on a machine busy with other builds.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Starts the verb and kills it with SIGKILL <paramref name="delay"/> after it printed <paramref name="marker"/>
    /// to standard error; true if it finished before that.
    /// </summary>
    public static async Task<bool> KillAfterAsync(IEnumerable<string> args, ContentHubFactory database, string marker, TimeSpan delay)
    {
        using var process = Process.Start(StartInfo(args, database.DatabaseSettings, environment: null, workingDirectory: null))!;
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

    /// <summary>Starts the server (a node, or a verb) on <paramref name="database"/>'s database in the background; the caller reads its output and stops it.</summary>
    public static Process Start(
        IEnumerable<string> args, ContentHubFactory database, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null) =>
        Process.Start(StartInfo(args, database.DatabaseSettings, environment, workingDirectory))!;

    private static Dictionary<string, string> SqliteFile(string databasePath) => new() { ["ConnectionStrings:ContentHub"] = $"Data Source={databasePath}" };

    /// <summary>The verb's process, with <paramref name="database"/>'s settings (configuration keys) as environment variables.</summary>
    private static ProcessStartInfo StartInfo(
        IEnumerable<string> args, IReadOnlyDictionary<string, string> database, IReadOnlyDictionary<string, string>? environment, string? workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ContentHub.Server.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in database)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }
}
