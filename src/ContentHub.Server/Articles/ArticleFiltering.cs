using ContentHub.Server.Access;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Data.PostgreSql;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles;

/// <summary>The articles a viewer sees, narrowed by an <see cref="ArticleFilter"/>: the articles list and search share it.</summary>
public static class ArticleFiltering
{
    public const int MaxSearchLength = 200;
    public const int MaxTags = 20;

    private const string LikeEscape = @"\";

    /// <summary>
    /// <paramref name="filter"/> checked for <paramref name="viewer"/> and made ready for SQL (expiry and the review
    /// queue judged at <paramref name="clock"/>'s now); a category filter takes the visible categories from <paramref name="categoryLoader"/>.
    /// </summary>
    public static async Task<TValues> PrepareAsync<TValues>(
        ArticleFilter filter,
        Viewer viewer,
        CategoryByIdLoader categoryLoader,
        TimeProvider clock,
        CancellationToken cancellationToken)
        where TValues : ArticleFilterValues, new()
    {
        Check(filter, viewer);
        var values = new TValues();
        var conditions = ArticleConditions.None;
        if (filter.Status is { } status)
        {
            conditions |= ArticleConditions.Status | (status == PublicationStatus.Published ? ArticleConditions.Published : 0);
            values.Status = status;
        }

        if (filter.Category is { } categorySlug)
        {
            conditions |= ArticleConditions.Category;
            values.CategoryIds = await CategoryAndDescendantsAsync(categoryLoader, categorySlug, cancellationToken);
        }

        if (filter.Author is { } author)
        {
            conditions |= ArticleConditions.Author;
            values.Author = author;
        }

        if (filter.Tag is { } tag)
        {
            conditions |= ArticleConditions.Tag;
            values.Tag = tag;
        }

        if (filter.Tags is { Count: > 0 } anyOf)
        {
            conditions |= ArticleConditions.Tags;
            values.Tags = anyOf;
        }

        if (filter.PublishedAfter is { } from)
        {
            conditions |= ArticleConditions.PublishedAfter;
            values.PublishedAfter = from.ToUniversalTime();
        }

        if (filter.PublishedBefore is { } until)
        {
            conditions |= ArticleConditions.PublishedBefore;
            values.PublishedBefore = until.ToUniversalTime();
        }

        if (filter.ReviewDueBefore is { } due)
        {
            conditions |= ArticleConditions.ReviewDueBefore;
            values.ReviewDueBefore = due.ToUniversalTime();
        }

        if (filter.ReviewQueue == true)
        {
            conditions |= ArticleConditions.ReviewQueue;
        }

        if (filter.Expired is { } expired)
        {
            conditions |= expired ? ArticleConditions.Expired : ArticleConditions.NotExpired;
        }

        if (!string.IsNullOrEmpty(filter.Search))
        {
            conditions |= ArticleConditions.Search;
            values.SearchPattern = "%" + EscapeLike(filter.Search) + "%";
        }

        values.Now = clock.GetUtcNow().UtcDateTime;
        values.Shape = new ArticleFilterShape(viewer.IsEditor, conditions);
        return values;
    }

    /// <summary>The articles of <paramref name="db"/> that the viewer of <paramref name="values"/> sees and its filter keeps.</summary>
    public static IQueryable<Article> Apply(ContentHubDbContext db, ArticleFilterValues values)
    {
        var shape = values.Shape;
        var articles = db.Articles.AsNoTracking().VisibleTo(shape.Editor);
        if (shape.Has(ArticleConditions.Status))
        {
            articles = articles.Where(a => a.Status == values.Status);
        }

        if (shape.Has(ArticleConditions.Category))
        {
            articles = articles.Where(a => values.CategoryIds.Contains(a.CategoryId!.Value));
        }

        if (shape.Has(ArticleConditions.Author))
        {
            articles = shape.Editor
                ? articles.Where(a => a.Authors.Any(link => link.Person!.Slug == values.Author && link.Person.Status != PublicationStatus.Trashed))
                : articles.Where(a => a.Authors.Any(link => link.Person!.Slug == values.Author && link.Person.Status == PublicationStatus.Published));
        }

        if (shape.Has(ArticleConditions.Tag))
        {
            articles = articles.Where(a => a.Tags.Contains(values.Tag));
        }

        if (shape.Has(ArticleConditions.Tags))
        {
            articles = articles.Where(a => a.Tags.Any(t => values.Tags.Contains(t)));
        }

        if (shape.Has(ArticleConditions.PublishedAfter))
        {
            articles = articles.Where(a => a.PublishedAt >= values.PublishedAfter);
        }

        if (shape.Has(ArticleConditions.PublishedBefore))
        {
            articles = articles.Where(a => a.PublishedAt < values.PublishedBefore);
        }

        if (shape.Has(ArticleConditions.ReviewDueBefore))
        {
            articles = articles.Where(a => a.NextReviewDue < values.ReviewDueBefore);
        }

        if (shape.Has(ArticleConditions.ReviewQueue))
        {
            articles = articles.Where(a => a.ReviewStatus == ArticleReviewState.InReview
                || (a.Status == PublicationStatus.Published && a.NextReviewDue <= values.Now));
        }

        if (shape.Has(ArticleConditions.Expired))
        {
            articles = articles.Where(a => a.ExpiresAt <= values.Now);
        }

        if (shape.Has(ArticleConditions.NotExpired))
        {
            articles = articles.Where(a => a.ExpiresAt == null || a.ExpiresAt > values.Now);
        }

        if (shape.Has(ArticleConditions.Search))
        {
            // PostgreSQL's LIKE is case-sensitive; SQLite's and SQL Server's (default collation) are not.
            articles = db is PostgreSqlContentHubDbContext // not Database.IsNpgsql(): that reads the provider's assembly name on every call
                ? articles.Where(a => EF.Functions.ILike(a.Title, values.SearchPattern, LikeEscape)
                    || (a.Summary != null && EF.Functions.ILike(a.Summary, values.SearchPattern, LikeEscape)))
                : articles.Where(a => EF.Functions.Like(a.Title, values.SearchPattern, LikeEscape)
                    || (a.Summary != null && EF.Functions.Like(a.Summary, values.SearchPattern, LikeEscape)));
        }

        return articles;
    }

    /// <summary>Whether <paramref name="filter"/> has conditions no index answers (text, tags): counting its matches reads every visible article.</summary>
    public static bool Scans(ArticleFilter? filter) =>
        filter is not null && (!string.IsNullOrEmpty(filter.Search) || filter.Tag is not null || filter.Tags is { Count: > 0 });

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

        if (!viewer.IsEditor && (filter.ReviewDueBefore is not null || filter.Expired is not null || filter.ReviewQueue is not null))
        {
            throw new ExecutionError("Only editors may list articles by review date, review queue or expiry.") { Code = ErrorCodes.Forbidden };
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
    /// visible categories are few (in memory for anonymous readers, else read in one query that also answers
    /// <c>Article.category</c> for the page).
    /// </summary>
    private static async Task<List<int>> CategoryAndDescendantsAsync(CategoryByIdLoader loader, string slug, CancellationToken cancellationToken)
    {
        var visible = await loader.AllVisibleAsync(cancellationToken);

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
