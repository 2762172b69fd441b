using ContentHub.Server.Data;
using ContentHub.Server.Media;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Seeding;

/// <summary>Read, validate, then import a seed folder: nothing is written unless every file is valid and every item accepted.</summary>
public sealed class SeedRunner(SeedImporter importer, SeedMedia media, IDbContextFactory<ContentHubDbContext> contexts)
{
    public async Task<(SeedReport? Report, IReadOnlyList<SeedError> Errors)> RunAsync(
        string folder, bool dryRun, bool force, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        var errors = new List<SeedError>();
        var seeds = SeedReader.Read(folder, errors);
        if (errors.Count == 0)
        {
            SeedValidator.Validate(seeds, errors);
        }

        if (errors.Count == 0)
        {
            await media.ImportAsync(folder, dryRun, errors, cancellationToken);
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (dryRun && !await HasSchemaAsync(cancellationToken))
        {
            return (SeedReport.AllCreated(seeds), errors);
        }

        return (await importer.ImportAsync(seeds, dryRun, force, errors, progress, cancellationToken), errors);
    }

    /// <summary>Whether any migration was applied: a dry run on a new database reads nothing, it would create everything.</summary>
    private async Task<bool> HasSchemaAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
    }

    /// <summary>Whether the database holds no content at all, so start-up seeding may fill it.</summary>
    public async Task<bool> DatabaseIsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return !await db.Site.AnyAsync(cancellationToken)
            && !await db.Articles.AnyAsync(cancellationToken)
            && !await db.Categories.AnyAsync(cancellationToken);
    }
}
