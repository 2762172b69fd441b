using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Content.Reference;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Categories;

/// <summary>Visible sub-categories by parent id, in sort order, for <c>Category.children</c>.</summary>
public sealed class ChildCategoriesLoader(IDbContextFactory<ContentHubDbContext> contexts, Viewer viewer, ReferenceData reference)
    : BatchLoader<int, IReadOnlyList<Category>>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<Category>>> FetchAsync(
        IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        ILookup<int?, Category> children;
        if (await reference.GetAsync(cancellationToken) is { } snapshot)
        {
            children = snapshot.CategoriesUnder;
        }
        else
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            children = (await db.Categories.AsNoTracking().VisibleTo(viewer)
                .Where(c => c.ParentId != null && keys.Contains(c.ParentId.Value))
                .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
                .ToListAsync(cancellationToken)).ToLookup(c => c.ParentId);
        }

        return keys.ToDictionary(key => key, key => (IReadOnlyList<Category>)children[key].ToList());
    }
}
