using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles;

/// <summary>A category's newest published articles, for <c>Category.articles(first:)</c>.</summary>
public sealed class CategoryArticlesLoader(IDbContextFactory<ContentHubDbContext> contexts, Viewer viewer)
    : BatchLoader<CategoryArticlesLoader.Key, IReadOnlyList<Article>>
{
    public readonly record struct Key(int CategoryId, int First, ArticleColumns Columns);

    protected override async Task<IReadOnlyDictionary<Key, IReadOnlyList<Article>>> FetchAsync(
        IReadOnlyList<Key> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var categoryIds = keys.Select(k => k.CategoryId).Distinct().ToList();
        var take = keys.Max(k => k.First);

        // One query for all categories: EF numbers each category's rows in SQL (ROW_NUMBER) and keeps the newest `take`.
        var visible = db.Articles.AsNoTracking().VisibleTo(viewer).Rows(keys.Select(key => key.Columns).Combined());
        var newestByCategory = await db.Categories
            .Where(c => categoryIds.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                Articles = visible.Where(a => a.CategoryId == c.Id)
                    .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                    .Take(take)
                    .ToList(),
            })
            .ToDictionaryAsync(c => c.Id, c => c.Articles, cancellationToken);

        return keys.ToDictionary(
            key => key,
            key => (IReadOnlyList<Article>)(newestByCategory.GetValueOrDefault(key.CategoryId) ?? []).Take(key.First).ToList());
    }
}
