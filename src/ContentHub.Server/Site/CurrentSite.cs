using ContentHub.Server.Content.Reference;
using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Site;

/// <summary>The site settings for this request, read once: from the reference data when the caller gets it, else from the database.</summary>
public sealed class CurrentSite(ReferenceData reference, IDbContextFactory<ContentHubDbContext> contexts)
{
    private readonly Lock _gate = new();
    private Task<SiteSettings?>? _settings;

    /// <summary>The settings; null until they are stored.</summary>
    public Task<SiteSettings?> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _settings ??= ReadAsync(cancellationToken);
        }
    }

    private async Task<SiteSettings?> ReadAsync(CancellationToken cancellationToken)
    {
        if (await reference.GetAsync(cancellationToken) is { } snapshot)
        {
            return snapshot.Site;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Site.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, cancellationToken);
    }
}
