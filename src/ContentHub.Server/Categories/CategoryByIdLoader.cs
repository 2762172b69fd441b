using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Categories;

/// <summary>Published categories by id, for <c>Article.category</c> and <c>Category.parent</c>.</summary>
public sealed class CategoryByIdLoader(IDbContextFactory<ContentHubDbContext> contexts, Viewer viewer) : BatchLoader<int, Category>
{
    protected override async Task<IReadOnlyDictionary<int, Category>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking().VisibleTo(viewer)
            .Where(c => keys.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
    }
}
