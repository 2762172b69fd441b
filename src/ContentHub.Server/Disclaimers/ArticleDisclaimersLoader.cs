using ContentHub.Server.Access;
using ContentHub.Server.Articles;
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
    /// <summary>The disclaimers attached to articles, as the articles' own queries read them in this request.</summary>
    private readonly Dictionary<int, IReadOnlyList<int>> _attached = [];
    private readonly Lock _attachedGate = new();

    public readonly record struct Key(int ArticleId, int? CategoryId, DisclaimerPlacement? Placement);

    /// <summary>
    /// Records the disclaimers attached to an article that the article's own query has read: with the reference data
    /// in memory, this loader then answers for that article without a query.
    /// </summary>
    public void KnowAttached(int articleId, IReadOnlyList<int> disclaimerIds)
    {
        lock (_attachedGate)
        {
            _attached[articleId] = disclaimerIds;
        }
    }

    protected override async Task<IReadOnlyDictionary<Key, IReadOnlyList<Disclaimer>>> FetchAsync(
        IReadOnlyList<Key> keys, CancellationToken cancellationToken)
    {
        var articleIds = keys.Select(k => k.ArticleId).Distinct().ToList();
        var applicable = await reference.GetAsync(cancellationToken) is { } snapshot
            ? await FromSnapshotAsync(snapshot, articleIds, cancellationToken)
            : await FromDatabaseAsync(articleIds, keys.Select(k => k.CategoryId).OfType<int>().Distinct().ToList(), cancellationToken);

        return keys.ToDictionary(key => key, key => (IReadOnlyList<Disclaimer>)applicable.Disclaimers
            .Where(d => key.Placement is null || d.Placement == key.Placement)
            .Where(d => d.SiteWide
                || applicable.OfArticle[key.ArticleId].Contains(d.Id)
                || (key.CategoryId is { } categoryId && applicable.OfCategory[categoryId].Contains(d.Id)))
            .ToList());
    }

    /// <summary>
    /// The published disclaimers and the category links from memory; the articles' own links as their queries read
    /// them, or else from the database, in one query.
    /// </summary>
    private async Task<Applicable> FromSnapshotAsync(ReferenceSnapshot snapshot, List<int> articleIds, CancellationToken cancellationToken)
    {
        List<(int ArticleId, int DisclaimerId)> links = [];
        List<int> unread = [];
        lock (_attachedGate)
        {
            foreach (var articleId in articleIds)
            {
                if (_attached.TryGetValue(articleId, out var disclaimerIds))
                {
                    foreach (var disclaimerId in disclaimerIds)
                    {
                        links.Add((articleId, disclaimerId));
                    }
                }
                else
                {
                    unread.Add(articleId);
                }
            }
        }

        if (unread.Count > 0)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            links.AddRange((await db.Set<Dictionary<string, object>>(ArticleConfiguration.DisclaimerLinks)
                .Where(link => unread.Contains(EF.Property<int>(link, "ArticleId")))
                .Select(link => new { ArticleId = EF.Property<int>(link, "ArticleId"), DisclaimerId = EF.Property<int>(link, "DisclaimersId") })
                .ToListAsync(cancellationToken))
                .Select(link => (link.ArticleId, link.DisclaimerId)));
        }

        return new Applicable(snapshot.Disclaimers, links.ToLookup(l => l.ArticleId, l => l.DisclaimerId), snapshot.DisclaimerIdsOfCategory);
    }

    /// <summary>One query: each applicable disclaimer the caller may see with the asked-for articles and categories it is attached to.</summary>
    private async Task<Applicable> FromDatabaseAsync(List<int> articleIds, List<int> categoryIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var articleLinks = db.Set<Dictionary<string, object>>(ArticleConfiguration.DisclaimerLinks)
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
