using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Data.SqlServer;

public sealed class SqlServerContentHubDbContext(DbContextOptions<SqlServerContentHubDbContext> options)
    : ContentHubDbContext(options);
