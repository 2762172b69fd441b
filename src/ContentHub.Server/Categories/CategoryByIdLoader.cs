using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Content.Reference;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Categories;

/// <summary>
/// Categories the caller may see, by id, for <c>Article.category</c> and <c>Category.parent</c>: from the
/// <see cref="ReferenceData"/> for anonymous readers, from the database for editors.
/// </summary>
public sealed class CategoryByIdLoader(IDbContextFactory<ContentHubDbContext> contexts, Viewer viewer, ReferenceData reference)
    : BatchLoader<int, Category>
{
    /// <summary>
    /// The category with <paramref name="id"/> if the caller may see it: straight from the snapshot when this request
    /// has it at hand (no data-loader round for each article of a list), else loaded with the others of this level.
    /// </summary>
    public object? Find(int id, CancellationToken cancellationToken)
    {
        var snapshot = reference.GetAsync(cancellationToken);
        return snapshot.IsCompletedSuccessfully && snapshot.Result is { } current
            ? current.CategoryById.GetValueOrDefault(id)
            : Load(id);
    }

    /// <summary>Every category the caller may see (few), also answering later loads of this request.</summary>
    public async Task<IReadOnlyList<Category>> AllVisibleAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Category> visible;
        if (await reference.GetAsync(cancellationToken) is { } snapshot)
        {
            visible = snapshot.Categories;
        }
        else
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            visible = await db.Categories.AsNoTracking().VisibleTo(viewer).ToListAsync(cancellationToken);
        }

        Prime(visible.Select(c => c.Id), visible.ToDictionary(c => c.Id));
        return visible;
    }

    protected override async Task<IReadOnlyDictionary<int, Category>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        if (await reference.GetAsync(cancellationToken) is { } snapshot)
        {
            return keys.Where(snapshot.CategoryById.ContainsKey).ToDictionary(id => id, id => snapshot.CategoryById[id]);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking().VisibleTo(viewer)
            .Where(c => keys.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
    }
}
