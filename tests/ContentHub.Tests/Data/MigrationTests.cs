using ContentHub.Server.Data.PostgreSql;
using ContentHub.Server.Data.Sqlite;
using ContentHub.Server.Data.SqlServer;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Data;

/// <summary>Every provider's migrations match the model (SQL Server's only against the model: no server runs here).</summary>
public sealed class MigrationTests
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
    public void Should_have_no_pending_model_changes_for_postgresql()
    {
        using var db = new PostgreSqlDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the PostgreSQL migrations lag the model.");
    }

    [Fact]
    public void Should_give_sqlite_and_sql_server_the_same_migrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    private static IEnumerable<string> Names(DbContext db) =>
        db.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]);
}
