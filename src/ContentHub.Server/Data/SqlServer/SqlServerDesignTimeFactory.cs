using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ContentHub.Server.Data.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the SQL Server context without a server: adding migrations never connects.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerContentHubDbContext>
{
    public SqlServerContentHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerContentHubDbContext>()
            .UseSqlServer("Server=localhost;Database=ContentHub;Trusted_Connection=True;TrustServerCertificate=True")
            .Options);
}
