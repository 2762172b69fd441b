using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Media;

/// <summary>
/// The asset a site-relative path such as <c>/media/walk.jpg</c> means: the newest one outside the trash with that file
/// name (what <c>GET /media/walk.jpg</c> redirects to), for the images that name one so.
/// </summary>
public sealed class AssetByFileNameLoader(IDbContextFactory<ContentHubDbContext> contexts) : BatchLoader<string, Asset>
{
    /// <summary>The newest asset outside the trash of each of <paramref name="fileNames"/> that has one.</summary>
    public static async Task<Dictionary<string, Asset>> NewestAsync(ContentHubDbContext db, IReadOnlyCollection<string> fileNames, CancellationToken cancellationToken) =>
        (await db.Assets.AsNoTracking().Where(a => fileNames.Contains(a.FileName) && a.DeletedAt == null).ToListAsync(cancellationToken))
            .GroupBy(a => a.FileName)
            .ToDictionary(named => named.Key, named => named.MaxBy(a => a.Id)!);

    protected override async Task<IReadOnlyDictionary<string, Asset>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await NewestAsync(db, keys, cancellationToken);
    }
}
