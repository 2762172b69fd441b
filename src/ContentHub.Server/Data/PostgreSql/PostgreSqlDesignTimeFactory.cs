using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ContentHub.Server.Data.PostgreSql;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without a server: adding migrations never connects.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlContentHubDbContext>
{
    public PostgreSqlContentHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlContentHubDbContext>()
            .UseNpgsql("Host=localhost;Database=contenthub")
            .Options);
}
