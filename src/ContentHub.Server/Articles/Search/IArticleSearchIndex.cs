using ContentHub.Server.Data;

namespace ContentHub.Server.Articles.Search;

/// <summary>
/// What full-text search needs from the database provider: SQLite answers from its FTS5 index, PostgreSQL from a
/// weighted tsvector column, SQL Server from LIKE over the stored columns. Callers compose these queries with visibility and filters, so each stays one command.
/// </summary>
public interface IArticleSearchIndex
{
    /// <summary>
    /// Every article (whatever its status) whose title, summary, body text or tags contain all the words; with
    /// <paramref name="publishedOnly"/>, published articles only, ranked without any statistics of other articles,
    /// so that nobody who sees only published articles can learn from a rank what hidden ones contain.
    /// </summary>
    IQueryable<SearchHit> Match(ContentHubDbContext db, SearchTerms terms, bool publishedOnly);

    /// <summary>A short excerpt of each article in <paramref name="ids"/> with the words marked (see <see cref="Highlight"/>).</summary>
    Task<IReadOnlyDictionary<int, string>> SnippetsAsync(
        ContentHubDbContext db, SearchTerms terms, IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts new articles with <see cref="BulkInsert"/> in the caller's transaction and indexes them before it
    /// commits, faster than article by article.
    /// </summary>
    Task BulkInsertAsync(ContentHubDbContext db, IReadOnlyList<Article> articles, CancellationToken cancellationToken);

    /// <summary>Ids of articles that carry one of <paramref name="tags"/>, and possibly a few that do not: callers check the tags.</summary>
    IQueryable<int> Tagged(ContentHubDbContext db, IReadOnlyCollection<string> tags);
}
