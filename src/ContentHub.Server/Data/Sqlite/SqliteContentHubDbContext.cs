using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Data.Sqlite;

public sealed class SqliteContentHubDbContext(DbContextOptions<SqliteContentHubDbContext> options)
    : ContentHubDbContext(options);
