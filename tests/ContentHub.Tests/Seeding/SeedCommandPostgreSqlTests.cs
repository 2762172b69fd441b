using ContentHub.Server.Data.PostgreSql;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Seeding;

/// <summary>
/// The <c>seed</c> verb of the real executable against PostgreSQL (<see cref="SeedCommandTests"/> and
/// <see cref="SyntheticSeedCommandTests"/> run it on SQLite): the idempotent import, and the bulk insert of
/// <c>--synthetic</c>, whose rows the search document indexes as they are written.
/// </summary>
public sealed class SeedCommandPostgreSqlTests : IDisposable
{
    private readonly string? _connectionString;

    public SeedCommandPostgreSqlTests()
    {
        Skip.IfNot(PostgreSqlTestServer.IsAvailable, PostgreSqlTestServer.NotFound);
        _connectionString = PostgreSqlTestServer.CreateDatabase();
    }

    private Dictionary<string, string> Environment => new()
    {
        ["Database__Provider"] = "PostgreSql",
        ["ConnectionStrings__ContentHub"] = _connectionString!,
    };

    public void Dispose()
    {
        if (_connectionString is not null)
        {
            PostgreSqlTestServer.DropDatabase(_connectionString);
        }
    }

    [SkippableFact]
    public async Task Should_seed_the_database_and_change_nothing_the_second_time()
    {
        var first = await ServerProcess.RunAsync(["seed"], databasePath: "", Environment);
        var second = await ServerProcess.RunAsync(["seed"], databasePath: "", Environment);

        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.Contains("11 created, 0 updated, 0 unchanged", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("0 created, 0 updated, 11 unchanged", second.StandardOutput, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Should_bulk_insert_synthetic_articles_once_and_index_every_one()
    {
        var first = await ServerProcess.RunAsync(["seed", "--synthetic", "200"], databasePath: "", Environment);
        var second = await ServerProcess.RunAsync(["seed", "--synthetic", "200"], databasePath: "", Environment);

        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.Contains("Synthetic: 200 articles created, 0 already there", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Synthetic: 0 articles created, 200 already there", second.StandardOutput, StringComparison.Ordinal);
        await using var db = new PostgreSqlContentHubDbContext(
            new DbContextOptionsBuilder<PostgreSqlContentHubDbContext>().UseNpgsql(_connectionString).Options);
        var synthetic = await db.Articles.Where(a => a.Slug.StartsWith("synthetic-")).ToListAsync();
        Assert.Equal(200, synthetic.Count);
        Assert.All(synthetic, a => Assert.Equal(DateTimeKind.Utc, a.CreatedAt.Kind));
        Assert.All(synthetic, a => Assert.NotEmpty(a.Tags));
        var unindexed = await db.Database.SqlQuery<int>(
            $"""SELECT count(*)::int AS "Value" FROM "Articles" WHERE "SearchDocument" IS NULL OR length("SearchDocument") = 0""").SingleAsync();
        var title = synthetic.Single(a => a.Slug == "synthetic-0000037").Title;
        var byTitle = await db.Database.SqlQuery<string>(
            $"""SELECT "Slug" AS "Value" FROM "Articles" WHERE "SearchDocument" @@ phraseto_tsquery('english', {title})""").ToListAsync();
        Assert.Equal(0, unindexed);
        Assert.Contains("synthetic-0000037", byTitle);
    }
}
