using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Data;

/// <summary>The server builds its database by applying every migration, on each database the tests run on.</summary>
public abstract class DatabaseMigrationTests
{
    private readonly EmptyContentHubFactory _factory;

    private DatabaseMigrationTests(EmptyContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_build_the_database_by_applying_every_migration()
    {
        await using var db = _factory.CreateDbContext();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        await AssertProviderSettingsAsync(db);
    }

    [SkippableFact]
    public async Task Should_refuse_a_published_article_without_a_publication_date()
    {
        await using var db = _factory.CreateDbContext();
        var article = TestContent.Article("undated", ContentHub.Server.Content.PublicationStatus.Published);
        article.PublishedAt = null;
        db.Articles.Add(article);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    protected abstract Task AssertProviderSettingsAsync(DbContext db);

    public sealed class OnSqlite(EmptyContentHubFactory factory) : DatabaseMigrationTests(factory), IClassFixture<EmptyContentHubFactory>
    {
        protected override async Task AssertProviderSettingsAsync(DbContext db)
        {
            Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToAsyncEnumerable().SingleAsync());
            // FULL: a committed transaction survives a power cut, not only a crash of the process.
            Assert.Equal(2, await db.Database.SqlQueryRaw<int>("PRAGMA synchronous").ToAsyncEnumerable().SingleAsync());
        }
    }

    public sealed class OnPostgreSql(PostgreSqlEmptyContentHubFactory factory) : DatabaseMigrationTests(factory), IClassFixture<PostgreSqlEmptyContentHubFactory>
    {
        protected override async Task AssertProviderSettingsAsync(DbContext db)
        {
            Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
            // The search document is computed by the database, outside the EF model.
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>(
                """SELECT count(*)::int AS "Value" FROM pg_indexes WHERE tablename = 'Articles' AND indexname = 'IX_Articles_SearchDocument'""")
                .SingleAsync());
        }
    }
}
