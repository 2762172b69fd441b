using System.Runtime.CompilerServices;
using ContentHub.Server.Articles;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Site;
using ContentHub.Server.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Sitemaps;

/// <summary>
/// The pages of published content, in the sitemap's order: categories, then articles, each by id. An article whose
/// robots directives say <c>noindex</c> (or <c>none</c>), or whose canonical URL is another page, is left out: a
/// sitemap lists only canonical pages that may be indexed. Former slugs (redirects) and withdrawn items never appear.
/// </summary>
public sealed class SitemapReader(IDbContextFactory<ContentHubDbContext> contexts, IOptions<SiteOptions> site)
{
    /// <summary>How many pages the sitemap lists.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await PublishedCategories(db).CountAsync(cancellationToken) + await IndexableArticles(db).CountAsync(cancellationToken);
    }

    /// <summary>At most <paramref name="take"/> pages after <paramref name="after"/>, less the first <paramref name="skip"/>.</summary>
    public async Task<List<SitemapEntry>> ReadAsync(SitemapPosition? after, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = new List<SitemapEntry>();
        if (after is not { Kind: SitemapPageKind.Article })
        {
            var afterId = after?.Id ?? 0;
            var categories = PublishedCategories(db).Where(c => c.Id > afterId);
            var rows = await categories.OrderBy(c => c.Id).Skip(skip).Take(take)
                .Select(c => new { c.Id, c.Slug, c.UpdatedAt })
                .ToListAsync(cancellationToken);
            entries.AddRange(rows.Select(c => Entry(SitemapPageKind.Category, c.Id, c.Slug, c.UpdatedAt)));
            skip = skip == 0 ? 0 : Math.Max(0, skip - await categories.CountAsync(cancellationToken));
        }

        if (entries.Count < take)
        {
            var afterId = after is { Kind: SitemapPageKind.Article } ? after.Value.Id : 0;
            var rows = await IndexableArticles(db).Where(a => a.Id > afterId).OrderBy(a => a.Id).Skip(skip).Take(take - entries.Count)
                .Select(a => new { a.Id, a.Slug, a.UpdatedAt, a.ReviewedAt })
                .ToListAsync(cancellationToken);
            entries.AddRange(rows.Select(a => Entry(SitemapPageKind.Article, a.Id, a.Slug, a.ReviewedAt > a.UpdatedAt ? a.ReviewedAt.Value : a.UpdatedAt)));
        }

        return entries;
    }

    /// <summary>The <paramref name="take"/> pages after the first <paramref name="skip"/>, read a chunk at a time.</summary>
    public async IAsyncEnumerable<SitemapEntry> StreamAsync(int skip, int take, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int Chunk = 5_000;
        SitemapPosition? after = null;
        while (take > 0)
        {
            var entries = await ReadAsync(after, after is null ? skip : 0, Math.Min(Chunk, take), cancellationToken);
            foreach (var entry in entries)
            {
                yield return entry;
            }

            if (entries.Count < Math.Min(Chunk, take))
            {
                yield break;
            }

            take -= entries.Count;
            after = new SitemapPosition(entries[^1].Kind, entries[^1].Id);
        }
    }

    private SitemapEntry Entry(SitemapPageKind kind, int id, string slug, DateTime lastModified)
    {
        var path = PathOf(kind, slug);
        return new SitemapEntry { Id = id, Kind = kind, Path = path, Url = site.Value.Absolute(path), LastModified = lastModified };
    }

    private static string PathOf(SitemapPageKind kind, string slug) => $"{ContentPaths.ListOf(kind.ToString())}/{slug}";

    private static IQueryable<Category> PublishedCategories(ContentHubDbContext db) =>
        db.Categories.AsNoTracking().Where(c => c.Status == PublicationStatus.Published);

    private IQueryable<Article> IndexableArticles(ContentHubDbContext db)
    {
        // The canonical URL may name the article's own page, as editors sometimes write it out.
        var ownPagePrefix = site.Value.Absolute(PathOf(SitemapPageKind.Article, ""));
        return db.Articles.AsNoTracking().Where(a => a.Status == PublicationStatus.Published
            && (a.Seo.CanonicalUrl == null || (ownPagePrefix != null && a.Seo.CanonicalUrl == ownPagePrefix + a.Slug))
            && (a.Seo.Robots == null
                || !(("," + a.Seo.Robots.ToLower().Replace(" ", "") + ",").Contains(",noindex,")
                    || ("," + a.Seo.Robots.ToLower().Replace(" ", "") + ",").Contains(",none,"))));
    }
}

/// <summary>Where a page of the sitemap ended: the kind and id of its last entry.</summary>
public readonly record struct SitemapPosition(SitemapPageKind Kind, int Id);
