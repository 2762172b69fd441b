using System.Text.Json;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Cli;

/// <summary>The server executable as an operator meets it: its help, and the same behaviour whatever folder it is started from.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("contenthub-cwd-").FullName;
    private readonly string _databaseName = $"cli-{Guid.NewGuid():N}.db";

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Should_list_the_commands_for_help_without_starting_the_server_or_touching_a_database(string help)
    {
        var result = await ServerProcess.RunInAsync(_elsewhere, [help], new Dictionary<string, string> { ["ConnectionStrings:ContentHub"] = $"Data Source={_databaseName}" });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Commands:", result.StandardOutput, StringComparison.Ordinal);
        foreach (var command in new[] { "seed", "schema", "keys" })
        {
            Assert.Matches($@"(?m)^\s+{command}\s", result.StandardOutput);
        }

        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, _databaseName)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_elsewhere));
    }

    [Theory]
    [InlineData("sed", "Did you mean 'seed'?")]
    [InlineData("key", "Did you mean 'keys'?")]
    [InlineData("serve", "Commands: seed, schema, keys, backup")]
    public async Task Should_refuse_a_mistyped_command_with_a_suggestion_instead_of_starting_the_server(string typo, string said)
    {
        var result = await ServerProcess.RunInAsync(_elsewhere, [typo], new Dictionary<string, string> { ["ConnectionStrings:ContentHub"] = $"Data Source={_databaseName}" });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"'{typo}' is not a command.", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(said, result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, _databaseName)));
    }

    [Fact]
    public async Task Should_print_its_version_and_commit()
    {
        var result = await ServerProcess.RunInAsync(_elsewhere, ["--version"], new Dictionary<string, string>());

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\+[0-9a-f]{40}\s*$", result.StandardOutput);
    }

    [Fact]
    public async Task Should_keep_a_relative_sqlite_file_in_its_own_folder_whatever_folder_it_is_started_from()
    {
        var result = await ServerProcess.RunInAsync(_elsewhere, ["seed"], new Dictionary<string, string> { ["ConnectionStrings:ContentHub"] = $"Data Source={_databaseName}" });

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, _databaseName)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_elsewhere));
    }

    [Fact]
    public async Task Should_read_its_appsettings_when_started_from_another_folder()
    {
        using var database = new EmptyContentHubFactory();
        using var server = ServerProcess.Start(["--urls", "http://127.0.0.1:0"], database, workingDirectory: _elsewhere);
        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
            if (line.Contains("Now listening on", StringComparison.Ordinal))
            {
                break;
            }
        }

        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync(timeout.Token);

        Assert.Contains(lines, line => line.Contains("Now listening on", StringComparison.Ordinal));
        // appsettings.json asks for JSON console logs and keeps Entity Framework's per-command logs out.
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
        Assert.DoesNotContain(lines, line => line.Contains("Executed DbCommand", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Directory.Delete(_elsewhere, recursive: true);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path.Combine(AppContext.BaseDirectory, _databaseName + suffix));
        }
    }
}
