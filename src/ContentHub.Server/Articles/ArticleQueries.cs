using System.Globalization;
using ContentHub.Server.Access;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles;

/// <summary>Root fields <c>article</c> and <c>articles</c>.</summary>
public sealed class ArticleQueries(IDbContextFactory<ContentHubDbContext> contexts, TimeProvider clock) : IQueryFields
{
    public const int MaxSearchLength = 200;
    public const int MaxTags = 20;

    private const string LikeEscape = @"\";

    // Anonymous readers only see published articles, which always have a publication date: their orders run
    // on PublishedAt alone, which the (Status, PublishedAt) index serves. Editors also see drafts, which have none.
    private static readonly KeysetSort<Article, DateTime> s_newestPublished = new("NEWEST", a => a.PublishedAt!.Value, Descending: true);
    private static readonly KeysetSort<Article, DateTime> s_oldestPublished = new("OLDEST", a => a.PublishedAt!.Value, Descending: false);
    private static readonly KeysetSort<Article, DateTime> s_newestEdited = new("NEWEST", a => a.PublishedAt ?? a.CreatedAt, Descending: true);
    private static readonly KeysetSort<Article, DateTime> s_oldestEdited = new("OLDEST", a => a.PublishedAt ?? a.CreatedAt, Descending: false);
    private static readonly KeysetSort<Article, string> s_title = new("TITLE", a => a.Title, Descending: false);

    public void AddTo(ObjectGraphType query)
    {
        query.Field<ArticleGraphType>("article")
            .Description("One article, by id or by slug (give exactly one).")
            .Argument<IdGraphType>("id")
            .Argument<StringGraphType>("slug")
            .ResolveAsync(async context => await FindAsync(
                context.Service<Viewer>(),
                context.Selects("category") ? context.Service<CategoryByIdLoader>() : null,
                context.GetArgument<string?>("id"), context.GetArgument<string?>("slug"), context.CancellationToken));

        query.Connection<ArticleGraphType>("articles")
            .Description("Articles as a Relay connection, newest first unless `sort` says otherwise.")
            .Argument<GraphQLClrInputTypeReference<ArticleFilter>>("filter", "Conditions the articles must meet.")
            .Argument<GraphQLClrInputTypeReference<ArticleSort>>("sort", "The order; NEWEST when not given. A cursor only continues the order that issued it.")
            .PageSize(KeysetPaging.DefaultPageSize)
            .ResolveAsync(async context => await ListAsync(
                context.Service<Viewer>(),
                context.Service<CategoryByIdLoader>(),
                context.GetArgument<ArticleFilter?>("filter"),
                context.GetArgument("sort", ArticleSort.Newest),
                context.GetArgument<int?>("first"), // the raw value: the builder hides a negative one
                context.After,
                context.Selects("totalCount"),
                context.CancellationToken));
    }

    private async Task<Article?> FindAsync(Viewer viewer, CategoryByIdLoader? categories, string? id, string? slug, CancellationToken cancellationToken)
    {
        if ((id is null) == (slug is null))
        {
            throw new ExecutionError("Give either 'id' or 'slug', not both and not neither.") { Code = ErrorCodes.Validation };
        }

        int key = 0;
        if (slug is null && !int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out key))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var articles = db.Articles.AsNoTracking().VisibleTo(viewer);
        if (categories is not null)
        {
            // The category comes in the same query; the loader then answers Article.category without another.
            articles = articles.Include(a => a.Category);
        }

        var article = slug is not null
            ? await articles.FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken)
                ?? await FormerlyAtAsync(db, articles, slug, cancellationToken)
            : await articles.FirstOrDefaultAsync(a => a.Id == key, cancellationToken);
        if (categories is not null && article?.CategoryId is { } categoryId)
        {
            categories.Prime([categoryId], article.Category is { } category && category.IsVisibleTo(viewer)
                ? new Dictionary<int, Category> { [categoryId] = category }
                : new Dictionary<int, Category>());
        }

        return article;
    }

    /// <summary>The article that had <paramref name="slug"/> before it moved: old links keep working, and its <c>slug</c> says where it is now.</summary>
    private static async Task<Article?> FormerlyAtAsync(ContentHubDbContext db, IQueryable<Article> articles, string slug, CancellationToken cancellationToken)
    {
        var moved = db.RetiredSlugs.Where(s => s.ContentType == nameof(Article) && s.Slug == slug).Select(s => s.ContentId);
        return await articles.FirstOrDefaultAsync(a => moved.Contains(a.Id), cancellationToken);
    }

    private async Task<object> ListAsync(
        Viewer viewer,
        CategoryByIdLoader categoryLoader,
        ArticleFilter? filter,
        ArticleSort sort,
        int? first,
        string? after,
        bool withTotal,
        CancellationToken cancellationToken)
    {
        filter ??= new ArticleFilter();
        Check(filter, viewer);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var articles = db.Articles.AsNoTracking().VisibleTo(viewer);
        if (filter.Status is { } status)
        {
            articles = articles.Where(a => a.Status == status);
        }

        if (filter.Category is { } categorySlug)
        {
            var categoryIds = await CategoryAndDescendantsAsync(db, viewer, categoryLoader, categorySlug, cancellationToken);
            articles = articles.Where(a => categoryIds.Contains(a.CategoryId!.Value));
        }

        if (filter.Tag is { } tag)
        {
            articles = articles.Where(a => a.Tags.Contains(tag));
        }

        if (filter.Tags is { Count: > 0 } anyOf)
        {
            articles = articles.Where(a => a.Tags.Any(t => anyOf.Contains(t)));
        }

        if (filter.PublishedAfter is { } from)
        {
            var since = from.ToUniversalTime();
            articles = articles.Where(a => a.PublishedAt >= since);
        }

        if (filter.PublishedBefore is { } until)
        {
            var before = until.ToUniversalTime();
            articles = articles.Where(a => a.PublishedAt < before);
        }

        if (filter.ReviewDueBefore is { } due)
        {
            var dueBefore = due.ToUniversalTime();
            articles = articles.Where(a => a.NextReviewDue < dueBefore);
        }

        if (filter.Expired is { } expired)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            articles = expired
                ? articles.Where(a => a.ExpiresAt <= now)
                : articles.Where(a => a.ExpiresAt == null || a.ExpiresAt > now);
        }

        if (!string.IsNullOrEmpty(filter.Search))
        {
            var pattern = "%" + EscapeLike(filter.Search) + "%";
            articles = articles.Where(a => EF.Functions.Like(a.Title, pattern, LikeEscape)
                || (a.Summary != null && EF.Functions.Like(a.Summary, pattern, LikeEscape)));
        }

        // Published articles always have a date: an editor's list of published ones can use the index as readers' do.
        var onlyPublished = !viewer.IsEditor || filter.Status == PublicationStatus.Published;
        return sort switch
        {
            ArticleSort.Oldest => await KeysetPaging.PageAsync(articles, onlyPublished ? s_oldestPublished : s_oldestEdited, first, after, withTotal, cancellationToken),
            ArticleSort.Title => await KeysetPaging.PageAsync(articles, s_title, first, after, withTotal, cancellationToken),
            _ => await KeysetPaging.PageAsync(articles, onlyPublished ? s_newestPublished : s_newestEdited, first, after, withTotal, cancellationToken),
        };
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal)
            .Replace("[", @"\[", StringComparison.Ordinal); // SQL Server's LIKE treats [ ] as a character class

    private static void Check(ArticleFilter filter, Viewer viewer)
    {
        if (filter.Status is { } status && status != PublicationStatus.Published && !viewer.IsEditor)
        {
            throw new ExecutionError($"Only editors may list articles by status {status.ToString().ToUpperInvariant()}; anonymous callers see published articles only.")
            {
                Code = ErrorCodes.Forbidden,
            };
        }

        if (!viewer.IsEditor && (filter.ReviewDueBefore is not null || filter.Expired is not null))
        {
            throw new ExecutionError("Only editors may list articles by review date or expiry.") { Code = ErrorCodes.Forbidden };
        }

        if (filter.Search is { Length: > MaxSearchLength })
        {
            throw new ExecutionError($"'search' may be at most {MaxSearchLength} characters.") { Code = ErrorCodes.Validation };
        }

        if (filter.Tags is { Count: > MaxTags })
        {
            throw new ExecutionError($"'tags' may name at most {MaxTags} tags.") { Code = ErrorCodes.Validation };
        }

        if (filter.PublishedAfter is { } from && filter.PublishedBefore is { } until && from.ToUniversalTime() >= until.ToUniversalTime())
        {
            throw new ExecutionError("'publishedAfter' must be earlier than 'publishedBefore'.") { Code = ErrorCodes.Validation };
        }
    }

    /// <summary>
    /// The category with <paramref name="slug"/> and everything under it, through visible categories only: a
    /// category hidden from the caller hides its sub-tree too, as it does when following <c>children</c>. The
    /// visible categories are few and read in one query, which also answers <c>Article.category</c> for the page.
    /// </summary>
    private static async Task<List<int>> CategoryAndDescendantsAsync(
        ContentHubDbContext db, Viewer viewer, CategoryByIdLoader loader, string slug, CancellationToken cancellationToken)
    {
        var visible = await db.Categories.AsNoTracking().VisibleTo(viewer).ToListAsync(cancellationToken);
        loader.Prime(visible.Select(c => c.Id), visible.ToDictionary(c => c.Id));

        var root = visible.FirstOrDefault(c => c.Slug == slug);
        if (root is null)
        {
            return [];
        }

        var childrenOf = visible.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
        var ids = new List<int>();
        var seen = new HashSet<int>();
        var queue = new Queue<int>([root.Id]);
        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id))
            {
                continue;
            }

            ids.Add(id);
            foreach (var child in childrenOf[id])
            {
                queue.Enqueue(child.Id);
            }
        }

        return ids;
    }
}
