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
    private static readonly string s_headlineOptions =
        $"StartSel={Highlight.Open}, StopSel={Highlight.Close}, MaxWords=24, MinWords=8, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" {Highlight.Ellipsis} \"";

    public IQueryable<SearchHit> Match(ContentHubDbContext db, SearchTerms terms) =>
        db.Database.SqlQuery<SearchHit>($"""
            SELECT "Id", -ts_rank_cd("SearchDocument", query)::double precision AS "Rank"
            FROM "Articles", to_tsquery('english', {terms.ToTsQuery()}) AS query
            WHERE "SearchDocument" @@ query
            """);

    public async Task<IReadOnlyDictionary<int, string>> SnippetsAsync(
        ContentHubDbContext db, SearchTerms terms, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        // The whole text goes to ts_headline, which picks the fragments where the words are.
        var wanted = ids.ToArray();
        return await db.Database.SqlQuery<MarkedSnippet>($"""
                SELECT "Id", ts_headline('english', concat_ws(E'\n', "Title", "Summary", "BodyText", array_to_string("Tags", ' ')), query, {s_headlineOptions}) AS "Text"
                FROM "Articles", to_tsquery('english', {terms.ToTsQuery()}) AS query
                WHERE "Id" = ANY({wanted}) AND "SearchDocument" @@ query
                """)
            .ToDictionaryAsync(snippet => snippet.Id, snippet => snippet.Text ?? "", cancellationToken);
    }

    /// <summary>The search document is a generated column: rows are indexed as they are inserted.</summary>
    public Task BulkInsertAsync(ContentHubDbContext db, IReadOnlyList<Article> articles, CancellationToken cancellationToken) =>
        BulkInsert.InsertAsync(db, articles, cancellationToken);

    /// <summary>Exactly the articles carrying one of the tags: <c>&amp;&amp;</c> on the tag array, through its GIN index.</summary>
    public IQueryable<int> Tagged(ContentHubDbContext db, IReadOnlyCollection<string> tags) =>
        db.Articles.Where(a => a.Tags.Any(tag => tags.Contains(tag))).Select(a => a.Id);
}
