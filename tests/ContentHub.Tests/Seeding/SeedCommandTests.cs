using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Seeding;

/// <summary>
/// The <c>seed</c> verb of the real executable, as a seeding script runs it, against a new SQLite file or a new (migrated,
/// empty) PostgreSQL database; the factory only names the database, its server is never started.
/// </summary>
public abstract class SeedCommandTests : IDisposable
{
    private readonly ContentHubFactory _database;

    private SeedCommandTests(ContentHubFactory database)
    {
        database.SkipUnlessAvailable();
        _database = database;
    }

    public void Dispose() => _database.Dispose();

    /// <summary>Whether the database is as it was before any verb ran: no file for SQLite, no rows in PostgreSQL's.</summary>
    protected abstract Task<bool> IsUntouchedAsync();

    [SkippableFact]
    public async Task Should_create_the_database_seed_it_and_change_nothing_the_second_time()
    {
        var first = await ServerProcess.RunAsync(["seed"], _database);
        var second = await ServerProcess.RunAsync(["seed"], _database);

        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.Contains("13 created, 0 updated, 0 unchanged", first.StandardOutput, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.StandardError);
        Assert.Contains("0 created, 0 updated, 13 unchanged", second.StandardOutput, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Should_dry_run_against_a_new_database_without_touching_it()
    {
        var result = await ServerProcess.RunAsync(["seed", "--dry-run"], _database);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("would be created   article revision-surgery", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Dry run, nothing written: 13 created, 0 updated, 0 unchanged, 0 skipped.", result.StandardOutput, StringComparison.Ordinal);
        Assert.True(await IsUntouchedAsync());
    }

    [SkippableFact]
    public async Task Should_print_what_a_dry_run_would_do()
    {
        await ServerProcess.RunAsync(["seed"], _database);
        using var folder = SeedFolder.CopyOfRepositorySeedData();
        folder.Write("facts.yaml", folder.Read("facts.yaml").Replace("weight: 1", "weight: 2", StringComparison.Ordinal));

        var dryRun = await ServerProcess.RunAsync(["seed", "--path", folder.Path, "--dry-run"], _database);
        var again = await ServerProcess.RunAsync(["seed", "--path", folder.Path, "--dry-run"], _database);

        Assert.Equal(0, dryRun.ExitCode);
        Assert.Contains("would be updated   fact back-pain-prevalence", dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("would be unchanged article revision-surgery", dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Dry run, nothing written: 0 created, 1 updated, 12 unchanged, 0 skipped.", dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(dryRun.StandardOutput, again.StandardOutput);
    }

    [SkippableFact]
    public async Task Should_store_seed_dates_as_utc_whatever_the_machines_time_zone()
    {
        using var folder = SeedFolder.CopyOfRepositorySeedData();
        folder.Write("facts.yaml", folder.Read("facts.yaml") + "  activeFrom: 2020-01-01\n  activeUntil: 2099-01-01T09:00:00+02:00\n");
        var newYork = new Dictionary<string, string> { ["TZ"] = "America/New_York" };

        var first = await ServerProcess.RunAsync(["seed", "--path", folder.Path], _database, newYork);
        var second = await ServerProcess.RunAsync(["seed", "--path", folder.Path], _database, newYork);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("0 created, 0 updated, 13 unchanged", second.StandardOutput, StringComparison.Ordinal);
        await using var db = _database.OpenDatabase();
        var fact = await db.Facts.SingleAsync();
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), fact.ActiveFrom);
        Assert.Equal(new DateTime(2099, 1, 1, 7, 0, 0, DateTimeKind.Utc), fact.ActiveUntil);
    }

    [SkippableFact]
    public async Task Should_show_progress_of_a_long_import()
    {
        using var folder = SeedFolder.CopyOfRepositorySeedData();
        for (var i = 0; i < 600; i++)
        {
            folder.Write($"articles/generated-{i}.md", $"---\ntitle: Generated {i}\ncategory: wellness\n---\nText {i}.\n");
        }

        var result = await ServerProcess.RunAsync(["seed", "--path", folder.Path], _database);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Preparing 613/613 (100%)", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Writing 613 items in one transaction... done.", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("613 created", result.StandardOutput, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Should_print_file_and_line_errors_and_exit_non_zero()
    {
        using var folder = SeedFolder.CopyOfRepositorySeedData().Write("articles/untitled.md", "---\ncategory: wellness\n---\nText.\n");

        var result = await ServerProcess.RunAsync(["seed", "--path", folder.Path], _database);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("articles/untitled.md:1: title is required", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("nothing was written", result.StandardError, StringComparison.Ordinal);
    }

    public sealed class OnSqlite() : SeedCommandTests(new EmptyContentHubFactory())
    {
        protected override Task<bool> IsUntouchedAsync() =>
            Task.FromResult(!File.Exists(_database.DatabasePath) || new FileInfo(_database.DatabasePath).Length == 0);
    }

    public sealed class OnPostgreSql() : SeedCommandTests(new CustomContentHubFactory(TestDatabase.PostgreSql))
    {
        protected override async Task<bool> IsUntouchedAsync()
        {
            await using var db = _database.OpenDatabase();
            return !await db.Articles.AnyAsync() && !await db.Categories.AnyAsync();
        }
    }
}
