using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Media;

/// <summary>Assets outside the trash by id, for the images that show them: one query per level of a request.</summary>
public sealed class AssetByIdLoader(IDbContextFactory<ContentHubDbContext> contexts) : BatchLoader<int, Asset>
{
    protected override async Task<IReadOnlyDictionary<int, Asset>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Assets.AsNoTracking().Where(a => keys.Contains(a.Id) && a.DeletedAt == null).ToDictionaryAsync(a => a.Id, cancellationToken);
    }
}
