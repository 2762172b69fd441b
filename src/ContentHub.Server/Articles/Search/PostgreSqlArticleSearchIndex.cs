using System.Net;
using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles.Search;

/// <summary>
/// PostgreSQL's own full-text search over the generated column <c>Articles."SearchDocument"</c>, a <c>tsvector</c>
/// weighting title A, summary B, tags C and body text D (English stemming), with a GIN index (see the PostgreSQL
/// <c>Initial</c> migration). The rank is <c>ts_rank_cd</c>, computed from each article alone: no statistics of the
/// rest of the table (hidden articles included) enter it.
/// </summary>
public sealed class PostgreSqlArticleSearchIndex : IArticleSearchIndex
{
    private static readonly string s_headlineOptions = $"StartSel={Highlight.Open}, StopSel={Highlight.Close}, MaxWords=30, MinWords=15, ShortWord=2";

    /// <summary>
    /// One query whoever searches: ts_rank_cd reads no statistics of other articles, so the rank a published article
    /// gets cannot tell of hidden ones, and the caller's visibility filter is all <paramref name="publishedOnly"/> needs.
    /// </summary>
    public IQueryable<SearchHit> Match(ContentHubDbContext db, SearchTerms terms, bool publishedOnly) =>
        db.Database.SqlQuery<SearchHit>($"""
            SELECT "Id", -ts_rank_cd("SearchDocument", query)::double precision AS "Rank"
            FROM "Articles", to_tsquery('english', {terms.ToTsQuery()}) AS query
            WHERE "SearchDocument" @@ query
            """);

    /// <summary>
    /// ts_headline drops whatever its parser takes for an HTML tag ("&lt;script&gt;" in a text about HTML), so it is
    /// given the text with <c>&amp; &lt; &gt;</c> escaped (every ampersand is, so decoding restores the text exactly).
    /// </summary>
    public async Task<IReadOnlyDictionary<int, string>> SnippetsAsync(
        ContentHubDbContext db, SearchTerms terms, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToArray();
        var escaped = await db.Database.SqlQuery<MarkedSnippet>($"""
                SELECT "Id", ts_headline('english',
                    replace(replace(replace(concat_ws(E'\n', "Title", "Summary", "BodyText", array_to_string("Tags", ' ')), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
                    query, {s_headlineOptions}) AS "Text"
                FROM "Articles", to_tsquery('english', {terms.ToTsQuery()}) AS query
                WHERE "Id" = ANY({wanted}) AND "SearchDocument" @@ query
                """)
            .ToListAsync(cancellationToken);
        return escaped.ToDictionary(snippet => snippet.Id, snippet => WebUtility.HtmlDecode(snippet.Text ?? ""));
    }

    /// <summary>The search document is a generated column: rows are indexed as they are inserted.</summary>
    public Task BulkInsertAsync(ContentHubDbContext db, IReadOnlyList<Article> articles, CancellationToken cancellationToken) =>
        BulkInsert.InsertAsync(db, articles, cancellationToken);

    /// <summary>Exactly the articles carrying one of the tags: <c>&amp;&amp;</c> on the tag array, through its GIN index.</summary>
    public IQueryable<int> Tagged(ContentHubDbContext db, IReadOnlyCollection<string> tags) =>
        db.Articles.Where(a => a.Tags.Any(tag => tags.Contains(tag))).Select(a => a.Id);
}
