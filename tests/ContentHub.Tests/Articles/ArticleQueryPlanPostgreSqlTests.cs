using System.Text.RegularExpressions;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using Npgsql;

namespace ContentHub.Tests.Articles;

/// <summary>
/// PostgreSQL's plan (EXPLAIN) for the hot article queries of <see cref="ArticleQueryWorkload"/>, as the server
/// sends them: each reads Articles through an index, never a sequential scan, lists walk their index in order, and
/// search and related articles go through the GIN indexes (search document, tags). The catalogue is small enough that
/// the planner would rightly read it whole, so sequential scans are priced out, and so are bitmap scans for lists (they
/// never keep an order) and plain index walks for the rest (GIN indexes are read by bitmap scans; a walk of the whole
/// primary key is no better than a sequential scan): the test asks whether an index serves each query.
/// </summary>
public sealed class ArticleQueryPlanPostgreSqlTests : IClassFixture<PostgreSqlEmptyContentHubFactory>, IAsyncLifetime
{
    private readonly PostgreSqlEmptyContentHubFactory _factory;

    public ArticleQueryPlanPostgreSqlTests(PostgreSqlEmptyContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    public Task InitializeAsync() => ArticleCatalog.SeedAsync(_factory);

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableTheory]
    [MemberData(nameof(ArticleQueryWorkload.Lists), MemberType = typeof(ArticleQueryWorkload))]
    public async Task Should_read_articles_through_an_index(string workload, string query, bool withoutSort)
    {
        var plans = await PlansAsync(query, after: null, ordered: true);

        // The category filter is an IN list (one id or a tree's ids): before version 17 PostgreSQL does not walk an
        // index in order under an IN list, so it sorts the category's articles where SQLite walks its index.
        AssertIndexed(workload, plans, withoutSort && workload != "one category");
    }

    [SkippableFact]
    public async Task Should_find_articles_due_for_review_through_an_index()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);

        var plans = await PlansAsync(ArticleQueryWorkload.DueForReview, after: null, ordered: false, editor);

        AssertIndexed("due for review", plans, withoutSort: false);
        Assert.Contains(plans, plan => plan.Contains("IX_Articles_NextReviewDue", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(ArticleQueryWorkload.Sorts), MemberType = typeof(ArticleQueryWorkload))]
    public async Task Should_seek_the_next_page_through_an_index(string sort)
    {
        var query = ArticleQueryWorkload.Pages(sort);
        var first = (await _factory.CreateClient().PostQueryAsync(query)).AssertData();
        var cursor = first["articles"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var plans = await PlansAsync(query, cursor, ordered: true);

        AssertIndexed($"next page {sort}", plans, withoutSort: true);
    }

    [SkippableTheory]
    [MemberData(nameof(ArticleQueryWorkload.Searches), MemberType = typeof(ArticleQueryWorkload))]
    public async Task Should_search_through_the_full_text_index_and_reach_articles_by_key(string workload, string query)
    {
        var plans = await PlansAsync(query, after: null, ordered: false);

        AssertIndexed(workload, plans, withoutSort: false);
        if (workload != "search in a category")
        {
            // In a category the planner may as well start from the category's index and test each article's document.
            Assert.Contains(plans, plan => plan.Contains(workload == "related" ? "IX_Articles_Tags" : "IX_Articles_SearchDocument", StringComparison.Ordinal));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(ArticleQueryWorkload.SelectiveTagFilters), MemberType = typeof(ArticleQueryWorkload))]
    public async Task Should_find_articles_by_tag_through_the_tags_index(string workload, string query)
    {
        var plans = await PlansAsync(query, after: null, ordered: false);

        // Containment (@>) and overlap (&&) are what the GIN index answers; `tag = ANY("Tags")` would test every row.
        AssertIndexed(workload, plans, withoutSort: false);
        Assert.All(plans, plan => Assert.True(plan.Contains("IX_Articles_Tags", StringComparison.Ordinal), $"{workload}: tags not read through their index:\n{plan}"));
    }

    [SkippableFact]
    public async Task Should_read_related_candidates_newest_first_along_the_indexes_without_sorting_them()
    {
        var plans = await PlansAsync(ArticleQueryWorkload.Related, after: null, ordered: true);

        // Each category's and each tag's candidates are read in an index's order and stop at the bound: no sort of all
        // of them. (An incremental sort only orders the articles of one publication date by id as the walk goes.)
        var candidates = Assert.Single(_factory.SqlCommands.Commands, c => c.Sql.Contains("UNION ALL", StringComparison.Ordinal));
        Assert.Equal(Regex.Count(candidates.Sql, "UNION ALL") + 1, Regex.Count(candidates.Sql, @"\bLIMIT\b"));
        AssertIndexed("related candidates", plans, withoutSort: false);
        Assert.All(plans, plan => Assert.DoesNotMatch(@"(?m)^\s*(->\s*)?Sort  \(", plan));
        Assert.Contains(plans, plan => plan.Contains("IX_Articles_CategoryId_Status_PublishedAt", StringComparison.Ordinal));
    }

    private static void AssertIndexed(string workload, IReadOnlyList<string> plans, bool withoutSort)
    {
        Assert.NotEmpty(plans);
        foreach (var plan in plans)
        {
            Assert.True(plan.Contains("IX_Articles", StringComparison.Ordinal) || plan.Contains("PK_Articles", StringComparison.Ordinal),
                $"{workload}: no Articles index in the plan:\n{plan}");
            Assert.DoesNotContain("Seq Scan on \"Articles\"", plan, StringComparison.Ordinal);
            if (withoutSort)
            {
                Assert.False(plan.Contains("Sort  (", StringComparison.Ordinal), $"{workload}: sorts instead of walking the index:\n{plan}");
            }
        }
    }

    /// <summary>
    /// Runs the query (as <paramref name="client"/>, anonymous unless given), then asks PostgreSQL for the plan of each
    /// command it sent that reads Articles (not the scheduler's background pass), with index walks if
    /// <paramref name="ordered"/>, else with bitmap scans.
    /// </summary>
    private async Task<IReadOnlyList<string>> PlansAsync(string query, string? after, bool ordered, HttpClient? client = null)
    {
        _factory.SqlCommands.Reset();
        (await (client ?? _factory.CreateClient()).PostQueryAsync(query, after is null ? null : new { after })).AssertData();
        var commands = _factory.SqlCommands.Commands
            .Where(c => c.Sql.Contains("FROM \"Articles\"", StringComparison.Ordinal) && !c.Sql.Contains("ScheduledAt\" <=", StringComparison.Ordinal))
            .ToList();

        await using var connection = new NpgsqlConnection(_factory.DatabaseSettings["ConnectionStrings:ContentHub"]);
        await connection.OpenAsync();
        await using (var settings = new NpgsqlCommand($"ANALYZE; SET enable_seqscan = off; SET {(ordered ? "enable_bitmapscan" : "enable_indexscan")} = off;", connection))
        {
            await settings.ExecuteNonQueryAsync();
        }

        var plans = new List<string>();
        foreach (var command in commands)
        {
            await using var explain = new NpgsqlCommand("EXPLAIN " + command.Sql, connection);
            foreach (var (name, value) in command.Parameters)
            {
                explain.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
            }

            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            plans.Add(string.Join('\n', lines));
        }

        return plans;
    }
}
