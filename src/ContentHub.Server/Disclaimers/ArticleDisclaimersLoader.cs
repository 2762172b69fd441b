using ContentHub.Server.Access;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Content.Reference;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Disclaimers;

/// <summary>
/// The disclaimers that apply to an article: attached to it, attached to its category, or site-wide;
/// published ones only, ordered by placement and then sort order.
/// </summary>
public sealed class ArticleDisclaimersLoader(IDbContextFactory<ContentHubDbContext> contexts, Viewer viewer, ReferenceData reference)
    : BatchLoader<ArticleDisclaimersLoader.Key, IReadOnlyList<Disclaimer>>
{
    private const string ArticleLinks = "ArticleDisclaimers";

    public readonly record struct Key(int ArticleId, int? CategoryId, DisclaimerPlacement? Placement);

    protected override async Task<IReadOnlyDictionary<Key, IReadOnlyList<Disclaimer>>> FetchAsync(
        IReadOnlyList<Key> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var articleIds = keys.Select(k => k.ArticleId).Distinct().ToList();
        var applicable = await reference.GetAsync(cancellationToken) is { } snapshot
            ? await FromSnapshotAsync(db, snapshot, articleIds, cancellationToken)
            : await FromDatabaseAsync(db, articleIds, keys.Select(k => k.CategoryId).OfType<int>().Distinct().ToList(), cancellationToken);

        return keys.ToDictionary(key => key, key => (IReadOnlyList<Disclaimer>)applicable.Disclaimers
            .Where(d => key.Placement is null || d.Placement == key.Placement)
            .Where(d => d.SiteWide
                || applicable.OfArticle[key.ArticleId].Contains(d.Id)
                || (key.CategoryId is { } categoryId && applicable.OfCategory[categoryId].Contains(d.Id)))
            .ToList());
    }

    /// <summary>The published disclaimers and the category links from memory; only the articles' own links from the database, in one query.</summary>
    private static async Task<Applicable> FromSnapshotAsync(
        ContentHubDbContext db, ReferenceSnapshot snapshot, List<int> articleIds, CancellationToken cancellationToken)
    {
        var links = await db.Set<Dictionary<string, object>>(ArticleLinks)
            .Where(link => articleIds.Contains(EF.Property<int>(link, "ArticleId")))
            .Select(link => new { ArticleId = EF.Property<int>(link, "ArticleId"), DisclaimerId = EF.Property<int>(link, "DisclaimersId") })
            .ToListAsync(cancellationToken);
        return new Applicable(snapshot.Disclaimers, links.ToLookup(l => l.ArticleId, l => l.DisclaimerId), snapshot.DisclaimerIdsOfCategory);
    }

    /// <summary>One query: each applicable disclaimer the caller may see with the asked-for articles and categories it is attached to.</summary>
    private async Task<Applicable> FromDatabaseAsync(
        ContentHubDbContext db, List<int> articleIds, List<int> categoryIds, CancellationToken cancellationToken)
    {
        var articleLinks = db.Set<Dictionary<string, object>>(ArticleLinks)
            .Where(link => articleIds.Contains(EF.Property<int>(link, "ArticleId")));
        var categoryLinks = db.Set<Dictionary<string, object>>(CategoryConfiguration.DisclaimerLinks)
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
        return new Applicable(
            disclaimers.Select(d => d.Disclaimer).ToList(),
            disclaimers.SelectMany(d => d.Articles, (d, articleId) => (d.Disclaimer.Id, articleId)).ToLookup(l => l.articleId, l => l.Id),
            disclaimers.SelectMany(d => d.Categories, (d, categoryId) => (d.Disclaimer.Id, categoryId)).ToLookup(l => l.categoryId, l => l.Id));
    }

    /// <summary>Disclaimers in page order, and which of them each article and each category has attached.</summary>
    private sealed record Applicable(IReadOnlyList<Disclaimer> Disclaimers, ILookup<int, int> OfArticle, ILookup<int, int> OfCategory);
}
