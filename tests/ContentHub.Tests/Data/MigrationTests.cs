using ContentHub.Server.Data.Sqlite;
using ContentHub.Server.Data.SqlServer;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Data;

/// <summary>Every provider's migrations match the model, and the server builds its database by migrations.</summary>
public sealed class MigrationTests(EmptyContentHubFactory factory) : IClassFixture<EmptyContentHubFactory>
{
    [Fact]
    public void Should_have_no_pending_model_changes_for_sqlite()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the SQLite migrations lag the model.");
    }

    [Fact]
    public void Should_have_no_pending_model_changes_for_sql_server()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the SQL Server migrations lag the model.");
    }

    [Fact]
    public void Should_give_both_providers_the_same_migrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public async Task Should_build_the_database_by_applying_every_migration()
    {
        await using var db = factory.CreateDbContext();

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToAsyncEnumerable().SingleAsync());
        // FULL: a committed transaction survives a power cut, not only a crash of the process.
        Assert.Equal(2, await db.Database.SqlQueryRaw<int>("PRAGMA synchronous").ToAsyncEnumerable().SingleAsync());
    }

    [Fact]
    public async Task Should_refuse_a_published_article_without_a_publication_date()
    {
        await using var db = factory.CreateDbContext();
        var article = TestContent.Article("undated", ContentHub.Server.Content.PublicationStatus.Published);
        article.PublishedAt = null;
        db.Articles.Add(article);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private static IEnumerable<string> Names(DbContext db) =>
        db.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]);
}
