using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ContentHub.Server.Data.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteContentHubDbContext>
{
    public SqliteContentHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteContentHubDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
