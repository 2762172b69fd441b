using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Data;

/// <summary>Brings the database up to the model this build knows, creating it if needed.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<ContentHubDbContext> contexts, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run while a writer commits; the setting is stored in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        logger.LogInformation("Database is migrated ({Provider})", db.Database.ProviderName);
    }
}
