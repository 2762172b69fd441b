using System.Collections.Concurrent;
using ContentHub.Server.Access;
using ContentHub.Server.Articles.Search;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles;

/// <summary>
/// <c>Article.related(first:)</c>: other articles the caller may see, in the same category or sharing a tag, those
/// sharing more tags first, then the most recent. The ranking runs over a bounded set of candidates, whatever the
/// size of the catalogue: the <see cref="CandidatesPerSource"/> most recently published articles of the category
/// (through its index) and the as many most recently created articles of each of the article's first
/// <see cref="TagsPerArticle"/> tags (through the search index). An older article sharing tags that newer ones
/// crowd out of those lists is not offered. All articles asked for in one level of a query cost one command per
/// <see cref="SourcesPerCommand"/> categories or tags, then one for the chosen articles.
/// </summary>
public sealed class RelatedArticlesLoader(IDbContextFactory<ContentHubDbContext> contexts, IArticleSearchIndex index, Viewer viewer)
    : BatchLoader<RelatedArticlesLoader.Key, IReadOnlyList<Article>>
{
    /// <summary>Candidates read from each category and each tag (more when <c>first</c> asks for more).</summary>
    public const int CandidatesPerSource = 20;

    /// <summary>How many of an article's tags bring candidates: its first ones. Shared tags are still counted over all of them.</summary>
    public const int TagsPerArticle = 5;

    /// <summary>
    /// Categories, and tags, read by one command. Every command has this many of each (the last repeated), so
    /// EF Core translates one shape, not one per count.
    /// </summary>
    private const int SourcesPerCommand = 8;

    private readonly ConcurrentDictionary<int, IReadOnlyList<string>> _tagsOf = new();

    public readonly record struct Key(int ArticleId, int? CategoryId, int First, ArticleColumns Columns);

    /// <summary>At most how many rows the candidate read takes for one article: the price the query cost estimate charges.</summary>
    public static int CandidateRows(int first) => PerSource(first) * (1 + TagsPerArticle);

    public IDataLoaderResult<IReadOnlyList<Article>?> Load(Article article, int first, ArticleColumns columns)
    {
        _tagsOf[article.Id] = article.Tags;
        return Load(new Key(article.Id, article.CategoryId, first, columns));
    }

    protected override async Task<IReadOnlyDictionary<Key, IReadOnlyList<Article>>> FetchAsync(
        IReadOnlyList<Key> keys, CancellationToken cancellationToken)
    {
        var categoryIds = keys.Where(k => k.CategoryId is not null).Select(k => k.CategoryId!.Value).Distinct().ToList();
        var tags = keys.SelectMany(k => _tagsOf[k.ArticleId].Take(TagsPerArticle)).Distinct().ToList();
        var perSource = PerSource(keys.Max(k => k.First));

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = new List<Candidate>();
        for (var start = 0; start < Math.Max(categoryIds.Count, tags.Count); start += SourcesPerCommand)
        {
            found.AddRange(await CandidatesOf(db, Slice(categoryIds, start), Slice(tags, start), perSource).ToListAsync(cancellationToken));
        }

        var candidates = found.DistinctBy(c => c.Id).ToList();
        var chosen = keys.ToDictionary(key => key, key => Rank(key, _tagsOf[key.ArticleId], candidates));
        var ids = chosen.Values.SelectMany(list => list).Distinct().ToList();
        var articles = ids.Count == 0
            ? []
            : await db.Articles.AsNoTracking().VisibleTo(viewer).Where(a => ids.Contains(a.Id)).Rows(keys.Select(key => key.Columns).Combined())
                .ToDictionaryAsync(a => a.Id, cancellationToken);
        // An article unpublished or purged between the two reads is left out, not shown or failed on.
        return chosen.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<Article>)pair.Value.Where(articles.ContainsKey).Select(id => articles[id]).ToList());
    }

    private static int PerSource(int first) => Math.Max(first, CandidatesPerSource);

    /// <summary>
    /// The newest <paramref name="perSource"/> visible articles of each category and of each tag, as one UNION ALL
    /// of index walks that stop after that many rows. (One OR over all of them would make SQLite read every
    /// visible article; ranking before the limit would read every article of the category or tag.)
    /// </summary>
    private IQueryable<Candidate> CandidatesOf(ContentHubDbContext db, IReadOnlyList<int> categoryIds, IReadOnlyList<string> tags, int perSource)
    {
        var visible = db.Articles.AsNoTracking().VisibleTo(viewer);
        IQueryable<Candidate>? all = null;
        foreach (var categoryId in categoryIds)
        {
            var inCategory = visible.Where(a => a.CategoryId == categoryId);
            // Readers' articles are all published: the category index serves this order. Editors' drafts have no date.
            var newest = viewer.IsEditor
                ? inCategory.OrderByDescending(a => a.PublishedAt ?? a.CreatedAt)
                : inCategory.OrderByDescending(a => a.PublishedAt);
            all = Union(all, newest.ThenByDescending(a => a.Id).Take(perSource)
                .Select(a => new Candidate { Id = a.Id, CategoryId = a.CategoryId, Tags = a.Tags, Date = a.PublishedAt ?? a.CreatedAt }));
        }

        foreach (var tag in tags)
        {
            // Newest by id, the search index's own order: it stops after perSource visible rows.
            all = Union(all, index.Tagged(db, [tag])
                .Join(visible, id => id, a => a.Id, (id, a) => new { Id = id, Article = a })
                .OrderByDescending(hit => hit.Id)
                .Take(perSource)
                .Select(hit => new Candidate
                {
                    Id = hit.Article.Id, CategoryId = hit.Article.CategoryId, Tags = hit.Article.Tags, Date = hit.Article.PublishedAt ?? hit.Article.CreatedAt,
                }));
        }

        return all!;
    }

    private static IQueryable<Candidate> Union(IQueryable<Candidate>? all, IQueryable<Candidate> part) => all is null ? part : all.Concat(part);

    /// <summary>The <see cref="SourcesPerCommand"/> items from <paramref name="start"/>, the last repeated to fill; none past the end.</summary>
    private static List<T> Slice<T>(List<T> items, int start)
    {
        var slice = items.Skip(start).Take(SourcesPerCommand).ToList();
        while (slice.Count is > 0 and < SourcesPerCommand)
        {
            slice.Add(slice[^1]);
        }

        return slice;
    }

    private static List<int> Rank(Key key, IReadOnlyList<string> tags, List<Candidate> candidates) =>
        candidates
            .Where(c => c.Id != key.ArticleId)
            .Select(c => (c.Id, c.Date, Shared: c.Tags.Count(tags.Contains), SameCategory: key.CategoryId is not null && c.CategoryId == key.CategoryId))
            .Where(c => c.Shared > 0 || c.SameCategory)
            .OrderByDescending(c => c.Shared).ThenByDescending(c => c.Date).ThenByDescending(c => c.Id)
            .Take(key.First)
            .Select(c => c.Id)
            .ToList();

    private sealed class Candidate
    {
        public required int Id { get; init; }

        public required int? CategoryId { get; init; }

        public required List<string> Tags { get; init; }

        public required DateTime Date { get; init; }
    }
}
