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

        var byArticle = await db.Articles.Where(a => articleIds.Contains(a.Id))
            .SelectMany(a => a.Disclaimers, (a, d) => new { OwnerId = a.Id, DisclaimerId = d.Id })
            .ToListAsync(cancellationToken);
        var byCategory = categoryIds.Count == 0
            ? []
            : await db.Categories.Where(c => categoryIds.Contains(c.Id))
                .SelectMany(c => c.Disclaimers, (c, d) => new { OwnerId = c.Id, DisclaimerId = d.Id })
                .ToListAsync(cancellationToken);

        var attachedIds = byArticle.Concat(byCategory).Select(link => link.DisclaimerId).Distinct().ToList();
        var disclaimers = await db.Disclaimers.AsNoTracking().VisibleTo(viewer)
            .Where(d => d.SiteWide || attachedIds.Contains(d.Id))
            .OrderBy(d => d.Placement).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);

        return keys.ToDictionary(key => key, key => (IReadOnlyList<Disclaimer>)disclaimers
            .Where(d => key.Placement is null || d.Placement == key.Placement)
            .Where(d => d.SiteWide
                || byArticle.Any(link => link.OwnerId == key.ArticleId && link.DisclaimerId == d.Id)
                || byCategory.Any(link => link.OwnerId == key.CategoryId && link.DisclaimerId == d.Id))
            .ToList());
    }
}
