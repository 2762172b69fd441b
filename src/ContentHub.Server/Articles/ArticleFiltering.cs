using ContentHub.Server.Access;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Data.PostgreSql;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles;

/// <summary>Narrows an article query by an <see cref="ArticleFilter"/>: the articles list and search share it.</summary>
public static class ArticleFiltering
{
    public const int MaxSearchLength = 200;
    public const int MaxTags = 20;

    private const string LikeEscape = @"\";

    /// <summary>
    /// <paramref name="articles"/> (already limited to what <paramref name="viewer"/> may see) narrowed by
    /// <paramref name="filter"/> (expiry as of <paramref name="clock"/>'s now); a category filter takes the visible categories from <paramref name="categoryLoader"/>.
    /// </summary>
    public static async Task<IQueryable<Article>> ApplyAsync(
        ContentHubDbContext db,
        IQueryable<Article> articles,
        ArticleFilter filter,
        Viewer viewer,
        CategoryByIdLoader categoryLoader,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        Check(filter, viewer);
        if (filter.Status is { } status)
        {
            articles = articles.Where(a => a.Status == status);
        }

        if (filter.Category is { } categorySlug)
        {
            var categoryIds = await CategoryAndDescendantsAsync(categoryLoader, categorySlug, cancellationToken);
            // One array parameter (json_each on SQLite, = ANY on PostgreSQL), not EF Core 10's default of one parameter
            // per id: that SQL depends on the count, so EF Core would generate it again on every request.
            articles = articles.Where(a => EF.Parameter(categoryIds).Contains(a.CategoryId!.Value));
        }

        if (filter.Author is { } author)
        {
            var editor = viewer.IsEditor;
            articles = articles.Where(a => a.Authors.Any(link => link.Person!.Slug == author
                && (editor ? link.Person.Status != PublicationStatus.Trashed : link.Person.Status == PublicationStatus.Published)));
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

        if (filter.ReviewQueue == true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            articles = articles.Where(a => a.ReviewStatus == ArticleReviewState.InReview
                || (a.Status == PublicationStatus.Published && a.NextReviewDue <= now));
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
            // PostgreSQL's LIKE is case-sensitive; SQLite's and SQL Server's (default collation) are not.
            articles = db is PostgreSqlContentHubDbContext // not Database.IsNpgsql(): that reads the provider's assembly name on every call
                ? articles.Where(a => EF.Functions.ILike(a.Title, pattern, LikeEscape)
                    || (a.Summary != null && EF.Functions.ILike(a.Summary, pattern, LikeEscape)))
                : articles.Where(a => EF.Functions.Like(a.Title, pattern, LikeEscape)
                    || (a.Summary != null && EF.Functions.Like(a.Summary, pattern, LikeEscape)));
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
