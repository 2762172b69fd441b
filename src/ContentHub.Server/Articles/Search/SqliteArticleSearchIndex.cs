using ContentHub.Server.Content;
using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles.Search;

/// <summary>
/// Search through the FTS5 table <c>ArticleSearch</c> (title, summary, body text, tags; Porter stemming, diacritics
/// ignored), an external-content index over <c>Articles</c> that triggers keep in step with every write (see the
/// <c>ArticleSearch</c> migration). Its rank is bm25 with title ×10, summary ×5, tags ×3 and body ×1. Searches for
/// published articles only rank through <c>PublishedArticleSearch</c>, the same index over published articles alone
/// (see its migration), since bm25's statistics over all articles would tell of hidden ones.
/// </summary>
public sealed class SqliteArticleSearchIndex : IArticleSearchIndex
{
    private const int SnippetTokens = 24;

    public IQueryable<SearchHit> Match(ContentHubDbContext db, SearchTerms terms, bool publishedOnly) =>
        publishedOnly
            ? db.Database.SqlQuery<SearchHit>($"""
                SELECT rowid AS "Id", rank AS "Rank" FROM "PublishedArticleSearch" WHERE "PublishedArticleSearch" MATCH {terms.ToFts5()}
                """)
            : db.Database.SqlQuery<SearchHit>($"""
                SELECT rowid AS "Id", rank AS "Rank" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {terms.ToFts5()}
                """);

    public async Task<IReadOnlyDictionary<int, string>> SnippetsAsync(
        ContentHubDbContext db, SearchTerms terms, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        // The id condition reaches the FTS5 scan, so only these rows pay for a snippet.
        var open = Highlight.Open.ToString();
        var close = Highlight.Close.ToString();
        return await db.Database.SqlQuery<MarkedSnippet>($"""
                SELECT rowid AS "Id", snippet("ArticleSearch", -1, {open}, {close}, {Highlight.Ellipsis}, {SnippetTokens}) AS "Text"
                FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {terms.ToFts5()}
                """)
            .Where(snippet => ids.Contains(snippet.Id))
            .ToDictionaryAsync(snippet => snippet.Id, snippet => snippet.Text ?? "", cancellationToken);
    }

    /// <summary>
    /// FTS5 flushes its pending terms at the end of every statement, so indexing row by row through the insert
    /// trigger costs about three times the set-based insert done here. The trigger skips rows while
    /// <c>ArticleSearchPaused</c> has a row, which only this transaction ever sees: it is removed before the commit.
    /// </summary>
    public async Task BulkInsertAsync(ContentHubDbContext db, IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        var before = await db.Articles.MaxAsync(a => (int?)a.Id, cancellationToken) ?? 0;
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "ArticleSearchPaused" VALUES (1);""", cancellationToken);
        await BulkInsert.InsertAsync(db, articles, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ArticleSearch"(rowid, "Title", "Summary", "Body", "Tags")
            SELECT "Id", "Title", "Summary", "BodyText", (SELECT group_concat(value, ' ') FROM json_each("Articles"."Tags"))
            FROM "Articles" WHERE "Id" > {before};
            INSERT INTO "PublishedArticleSearch"(rowid, "Title", "Summary", "Body", "Tags")
            SELECT "Id", "Title", "Summary", "BodyText", (SELECT group_concat(value, ' ') FROM json_each("Articles"."Tags"))
            FROM "Articles" WHERE "Id" > {before} AND "Status" = {(int)PublicationStatus.Published};
            """, cancellationToken);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "ArticleSearchPaused";""", cancellationToken);
    }

    public IQueryable<int> Tagged(ContentHubDbContext db, IReadOnlyCollection<string> tags)
    {
        // A tag is indexed as its words ("back-pain" as "back pain"), so a phrase per tag also matches longer tags
        // containing it ("lower-back-pain"): the caller compares the tags themselves. A tag without words matches none.
        var phrases = tags.Select(SearchTerms.Fts5Phrase).OfType<string>().Distinct().ToList();
        var anyTag = phrases.Count == 0 ? "\"\"" : $"\"Tags\" : ({string.Join(" OR ", phrases)})";
        // Read as rows, not as scalars: EF Core wraps a scalar column in a CAST, which hides the index's own order
        // (by rowid, either way) from SQLite, so "newest first" would sort every hit.
        return db.Database.SqlQuery<SearchHit>($"""
            SELECT rowid AS "Id", 0.0 AS "Rank" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {anyTag}
            """).Select(hit => hit.Id);
    }
}
