using ContentHub.Server.Data;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Seeding;

/// <summary>At start-up: migrate, then seed the configured folder if the database is empty and seeding is on.</summary>
public sealed class StartupSeeding(DatabaseMigrator migrator, SeedRunner seeds, IOptions<SeedingOptions> options, ILogger<StartupSeeding> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        if (!options.Value.OnStartup || !await seeds.DatabaseIsEmptyAsync(cancellationToken))
        {
            return;
        }

        var (report, errors) = await seeds.RunAsync(options.Value.Path, dryRun: false, force: false, progress: null, cancellationToken);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"Seed folder '{options.Value.Path}' is invalid; nothing was imported:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }

        logger.LogInformation("Seeded the empty database from {Path}: {Summary}", options.Value.Path, report!.Summary());
    }
}
