using ContentHub.Server.Content;
using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles;

/// <summary>
/// The query that finds one article by its id, its slug or a slug it had before, compiled once per
/// <see cref="ArticleLookupShape"/> (<see cref="CompiledQueries{TShape, TValues, TResult}"/>): the article page's
/// read skips EF Core's expression walk. Each way of finding it reads a unique index, so it returns at most one row.
/// </summary>
public static class ArticleLookup
{
    private const int ShapesPerResult = 256;

    private static readonly CompiledQueries<ArticleLookupShape, ArticleLookupValues, Article> s_articles = new(ShapesPerResult);
    private static readonly CompiledQueries<ArticleLookupShape, ArticleLookupValues, ArticleWithDisclaimerIds> s_withDisclaimerIds = new(ShapesPerResult);

    /// <summary>The article, with the <paramref name="shape"/>'s columns (and category); null when none matches.</summary>
    public static Task<Article?> FindAsync(ContentHubDbContext db, ArticleLookupShape shape, ArticleLookupValues values, CancellationToken cancellationToken) =>
        s_articles.Run(db, shape, values, (db, values) => Matching(db, shape, values).Rows(shape.Columns, shape.WithCategory))
            .FirstOrDefaultAsync(cancellationToken).AsTask();

    /// <summary>The article as <see cref="FindAsync"/> reads it, with the ids of its disclaimers, in the same SQL command.</summary>
    public static Task<ArticleWithDisclaimerIds?> FindWithDisclaimerIdsAsync(
        ContentHubDbContext db, ArticleLookupShape shape, ArticleLookupValues values, CancellationToken cancellationToken) =>
        s_withDisclaimerIds.Run(db, shape, values, (db, values) => Matching(db, shape, values).RowsWithDisclaimerIds(db, shape.Columns, shape.WithCategory))
            .FirstOrDefaultAsync(cancellationToken).AsTask();

    private static IQueryable<Article> Matching(ContentHubDbContext db, ArticleLookupShape shape, ArticleLookupValues values)
    {
        var articles = db.Articles.AsNoTracking();
        articles = shape.Previewing ? articles.VisibleOrPreviewed(values) : articles.VisibleTo(shape.Editor);
        if (shape.WithCategory)
        {
            articles = articles.Include(a => a.Category);
        }

        return shape.By switch
        {
            ArticleLookupKey.Slug => articles.Where(a => a.Slug == values.Slug),
            // Old links keep working: the slug an article moved from, in the retired slugs.
            ArticleLookupKey.FormerSlug => articles.Where(a => db.RetiredSlugs
                .Where(s => s.ContentType == nameof(Article) && s.Slug == values.Slug)
                .Select(s => s.ContentId)
                .Contains(a.Id)),
            _ => articles.Where(a => a.Id == values.Id),
        };
    }
}

/// <summary>How an article is looked up: what its SQL looks like.</summary>
/// <param name="By">The key it is found by.</param>
/// <param name="Editor">An editor, who also sees drafts.</param>
/// <param name="Previewing">A reader holding a preview token for an article, who also sees that one.</param>
/// <param name="Columns">The columns read.</param>
/// <param name="WithCategory">Its category read in the same query.</param>
public readonly record struct ArticleLookupShape(ArticleLookupKey By, bool Editor, bool Previewing, ArticleColumns Columns, bool WithCategory);

public enum ArticleLookupKey
{
    Id,
    Slug,
    FormerSlug,
}

/// <summary>The per-request values of an article lookup: the compiled query's parameters.</summary>
public sealed class ArticleLookupValues : IPreviewValues
{
    public int Id { get; init; }

    public string Slug { get; init; } = "";

    public int PreviewedId { get; init; }

    public int? PreviewedVersion { get; init; }
}
