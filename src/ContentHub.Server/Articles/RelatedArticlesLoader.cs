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
/// sharing more tags first, then the most recent. Every article asked for in one level of a query costs two commands
/// together: the candidates' ids, categories, tags and dates (through the category index and the search index's
/// tags), then the chosen articles.
/// </summary>
public sealed class RelatedArticlesLoader(IDbContextFactory<ContentHubDbContext> contexts, IArticleSearchIndex index, Viewer viewer)
    : BatchLoader<RelatedArticlesLoader.Key, IReadOnlyList<Article>>
{
    private readonly ConcurrentDictionary<int, IReadOnlyList<string>> _tagsOf = new();

    public readonly record struct Key(int ArticleId, int? CategoryId, int First);

    public IDataLoaderResult<IReadOnlyList<Article>?> Load(Article article, int first)
    {
        _tagsOf[article.Id] = article.Tags;
        return Load(new Key(article.Id, article.CategoryId, first));
    }

    protected override async Task<IReadOnlyDictionary<Key, IReadOnlyList<Article>>> FetchAsync(
        IReadOnlyList<Key> keys, CancellationToken cancellationToken)
    {
        var categoryIds = keys.Where(k => k.CategoryId is not null).Select(k => k.CategoryId!.Value).Distinct().ToList();
        var tags = keys.SelectMany(k => _tagsOf[k.ArticleId]).Distinct().ToList();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Two indexed reads, not one OR that SQLite would answer by walking every visible article: the category
        // index, and the search index's tags joined to the primary key. An article found by both comes twice.
        var visible = db.Articles.AsNoTracking().VisibleTo(viewer);
        var related = visible.Where(a => a.CategoryId != null && categoryIds.Contains(a.CategoryId.Value));
        if (tags.Count > 0)
        {
            related = related.Concat(index.Tagged(db, tags).Join(visible, id => id, a => a.Id, (_, a) => a));
        }

        var candidates = (await related
            .Select(a => new Candidate(a.Id, a.CategoryId, a.Tags, a.PublishedAt ?? a.CreatedAt))
            .ToListAsync(cancellationToken)).DistinctBy(c => c.Id).ToList();

        var chosen = keys.ToDictionary(key => key, key => Rank(key, _tagsOf[key.ArticleId], candidates));
        var ids = chosen.Values.SelectMany(list => list).Distinct().ToList();
        var articles = ids.Count == 0
            ? []
            : await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        return chosen.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<Article>)pair.Value.Select(id => articles[id]).ToList());
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

    private sealed record Candidate(int Id, int? CategoryId, List<string> Tags, DateTime Date);
}
