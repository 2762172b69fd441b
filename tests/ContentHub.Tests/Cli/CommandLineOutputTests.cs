using System.Text.Json;
using ContentHub.Server.Data.Sqlite;
using ContentHub.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Cli;

/// <summary>What each verb tells an operator and a script: the settings it reads, and a <c>--json</c> result on standard output.</summary>
public sealed class CommandLineOutputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("contenthub-cli-").FullName;

    private string Database => Path.Combine(_folder, "content.db");

    [Theory]
    [InlineData("seed", "Seeding:Path")]
    [InlineData("keys", "ConnectionStrings:ContentHub")]
    [InlineData("backup", "ConnectionStrings:ContentHub")]
    [InlineData("schema", "none")]
    public async Task Should_name_the_settings_a_command_reads_in_its_help(string command, string setting)
    {
        var result = await ServerProcess.RunInAsync(_folder, [command, "--help"], new Dictionary<string, string>());

        Assert.Equal(0, result.ExitCode);
        var settings = result.StandardOutput[result.StandardOutput.IndexOf("Settings read", StringComparison.Ordinal)..];
        Assert.Contains(setting, settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_the_settings_of_a_subcommand_from_its_command()
    {
        var result = await ServerProcess.RunInAsync(_folder, ["keys", "create", "--help"], new Dictionary<string, string>());

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--name", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Database:Provider", result.StandardOutput[result.StandardOutput.IndexOf("Settings read", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_print_keys_as_json_and_the_secret_only_when_created()
    {
        var created = await RunJsonAsync("keys", "create", "--name", "deploy bot", "--role", "publisher", "--json");
        var listed = await RunJsonAsync("keys", "list", "--json");
        var keyId = created.GetProperty("key").GetProperty("keyId").GetString()!;
        var revoked = await RunJsonAsync("keys", "revoke", keyId, "--json");
        var afterwards = await RunJsonAsync("keys", "list", "--json");

        Assert.Equal("keys create", created.GetProperty("command").GetString());
        Assert.Equal("publisher", created.GetProperty("key").GetProperty("role").GetString());
        Assert.StartsWith($"chk_{keyId}_", created.GetProperty("token").GetString(), StringComparison.Ordinal);
        var key = Assert.Single(listed.GetProperty("keys").EnumerateArray());
        Assert.Equal(keyId, key.GetProperty("keyId").GetString());
        Assert.Equal("deploy bot", key.GetProperty("name").GetString());
        Assert.DoesNotContain(created.GetProperty("token").GetString()!, listed.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(keyId, revoked.GetProperty("keyId").GetString());
        Assert.True(Single(afterwards.GetProperty("keys")).TryGetProperty("revokedAt", out _));
    }

    [Fact]
    public async Task Should_print_what_a_seed_did_as_json_with_counts_and_items()
    {
        var first = await RunJsonAsync("seed", "--json");
        var second = await RunJsonAsync("seed", "--json");

        Assert.Equal("seed", first.GetProperty("command").GetString());
        var items = first.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Count, first.GetProperty("created").GetInt32());
        Assert.Contains(items, item => item.GetProperty("kind").GetString() == "article" && item.GetProperty("outcome").GetString() == "created");
        Assert.Equal(0, second.GetProperty("created").GetInt32());
        Assert.Equal(items.Count, second.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task Should_print_the_problems_of_a_broken_seed_folder_as_json_and_fail()
    {
        var seeds = Directory.CreateDirectory(Path.Combine(_folder, "broken"));
        await File.WriteAllTextAsync(Path.Combine(seeds.FullName, "categories.yaml"), "- slug: Not A Slug\n  name: Broken\n");

        var result = await ServerProcess.RunInAsync(_folder, ["seed", "--path", seeds.FullName, "--json", "--ConnectionStrings:ContentHub", $"Data Source={Database}"], new Dictionary<string, string>());

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.EndsWith("categories.yaml", error.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, error.GetProperty("line").GetInt32());
        Assert.Empty(json.RootElement.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Should_read_settings_given_after_a_path_or_a_switch()
    {
        await RunJsonAsync("keys", "create", "--name", "only in this database", "--json");
        var copy = Path.Combine(_folder, "copy.db");

        // To the host an absolute path looks like a '/switch', taking the next argument as its value (as every switch
        // before a setting would, and RunJsonAsync puts --json there).
        var backup = await ServerProcess.RunInAsync(_folder, ["backup", copy, "--ConnectionStrings:ContentHub", $"Data Source={Database}", "--json"], new Dictionary<string, string>());

        Assert.True(backup.ExitCode == 0, backup.StandardError);
        using var json = JsonDocument.Parse(backup.StandardOutput);
        Assert.Equal(copy, json.RootElement.GetProperty("file").GetString());
        Assert.Equal(new FileInfo(copy).Length, json.RootElement.GetProperty("bytes").GetInt64());
        Assert.Contains($"Copying {Database}", backup.StandardError, StringComparison.Ordinal);
        await using var db = new SqliteContentHubDbContext(new DbContextOptionsBuilder<SqliteContentHubDbContext>().UseSqlite($"Data Source={copy}").Options);
        Assert.Equal("only in this database", (await db.ApiKeys.SingleAsync()).Name);
    }

    /// <summary>Runs the verb on this test's database, given as a setting after the verb's own arguments (a switch last), and parses what it printed.</summary>
    private async Task<JsonElement> RunJsonAsync(params string[] args)
    {
        var result = await ServerProcess.RunInAsync(_folder, [.. args, "--ConnectionStrings:ContentHub", $"Data Source={Database}"], new Dictionary<string, string>());
        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        return json.RootElement.Clone();
    }

    private static JsonElement Single(JsonElement array) => Assert.Single(array.EnumerateArray());

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
