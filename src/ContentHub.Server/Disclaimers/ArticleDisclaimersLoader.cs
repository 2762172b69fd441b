using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Disclaimers;

/// <summary>
/// The disclaimers that apply to an article: attached to it, attached to its category, or site-wide;
/// published ones only, ordered by placement and then sort order.
/// </summary>
public sealed class ArticleDisclaimersLoader(IDbContextFactory<ContentHubDbContext> contexts, Viewer viewer)
    : BatchLoader<ArticleDisclaimersLoader.Key, IReadOnlyList<Disclaimer>>
{
    public readonly record struct Key(int ArticleId, int? CategoryId, DisclaimerPlacement? Placement);

    protected override async Task<IReadOnlyDictionary<Key, IReadOnlyList<Disclaimer>>> FetchAsync(
        IReadOnlyList<Key> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var articleIds = keys.Select(k => k.ArticleId).Distinct().ToList();
        var categoryIds = keys.Select(k => k.CategoryId).OfType<int>().Distinct().ToList();

        // One query: each applicable disclaimer with the asked-for articles and categories it is attached to.
        var articleLinks = db.Set<Dictionary<string, object>>("ArticleDisclaimers")
            .Where(link => articleIds.Contains(EF.Property<int>(link, "ArticleId")));
        var categoryLinks = db.Set<Dictionary<string, object>>("CategoryDisclaimers")
            .Where(link => categoryIds.Contains(EF.Property<int>(link, "CategoryId")));
        var disclaimers = await db.Disclaimers.AsNoTracking().VisibleTo(viewer)
            .Select(d => new
            {
                Disclaimer = d,
                Articles = articleLinks.Where(link => EF.Property<int>(link, "DisclaimersId") == d.Id)
                    .Select(link => EF.Property<int>(link, "ArticleId")).ToList(),
                Categories = categoryLinks.Where(link => EF.Property<int>(link, "DisclaimersId") == d.Id)
                    .Select(link => EF.Property<int>(link, "CategoryId")).ToList(),
            })
            .Where(d => d.Disclaimer.SiteWide || d.Articles.Count > 0 || d.Categories.Count > 0)
            .OrderBy(d => d.Disclaimer.Placement).ThenBy(d => d.Disclaimer.SortOrder).ThenBy(d => d.Disclaimer.Id)
            .AsSingleQuery()
            .ToListAsync(cancellationToken);

        return keys.ToDictionary(key => key, key => (IReadOnlyList<Disclaimer>)disclaimers
            .Where(d => key.Placement is null || d.Disclaimer.Placement == key.Placement)
            .Where(d => d.Disclaimer.SiteWide
                || d.Articles.Contains(key.ArticleId)
                || (key.CategoryId is { } categoryId && d.Categories.Contains(categoryId)))
            .Select(d => d.Disclaimer)
            .ToList());
    }
}
