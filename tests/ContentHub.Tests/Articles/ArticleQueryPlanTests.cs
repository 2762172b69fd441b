using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace ContentHub.Tests.Articles;

/// <summary>
/// SQLite's plan for every hot article query, as the server sends it: each reads the Articles table through an
/// index (a SEARCH, or an ordered walk of an index), never a full table scan, and the newest-first lists need no sort.
/// </summary>
public sealed class ArticleQueryPlanTests : IClassFixture<EmptyContentHubFactory>, IAsyncLifetime
{
    private readonly EmptyContentHubFactory _factory;

    public ArticleQueryPlanTests(EmptyContentHubFactory factory) => _factory = factory;

    public Task InitializeAsync() => ArticleCatalog.SeedAsync(_factory);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(ArticleQueryWorkload.Lists), MemberType = typeof(ArticleQueryWorkload))]
    public async Task Should_read_articles_through_an_index(string workload, string query, bool withoutSort)
    {
        var plans = await PlansAsync(query, after: null);

        AssertIndexed(workload, plans, withoutSort);
    }

    [Fact]
    public async Task Should_find_articles_due_for_review_through_an_index()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);

        var plans = await PlansAsync(ArticleQueryWorkload.DueForReview, after: null, editor);

        AssertIndexed("due for review", plans, withoutSort: false);
        Assert.Contains(plans, plan => plan.Any(line => line.Contains("IX_Articles_NextReviewDue", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(ArticleQueryWorkload.Sorts), MemberType = typeof(ArticleQueryWorkload))]
    public async Task Should_seek_the_next_page_through_an_index(string sort)
    {
        var query = ArticleQueryWorkload.Pages(sort);
        var first = (await _factory.CreateClient().PostQueryAsync(query)).AssertData();
        var cursor = first["articles"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var plans = await PlansAsync(query, cursor);

        AssertIndexed($"next page {sort}", plans, withoutSort: true);
    }

    [Theory]
    [MemberData(nameof(ArticleQueryWorkload.Searches), MemberType = typeof(ArticleQueryWorkload))]
    public async Task Should_search_through_the_full_text_index_and_reach_articles_by_key(string workload, string query)
    {
        var plans = await PlansAsync(query, after: null, tables: ["\"ArticleSearch\"", "\"PublishedArticleSearch\""]);

        foreach (var plan in plans)
        {
            var text = string.Join(" | ", plan);
            var coroutines = plan.Where(line => line.StartsWith("CO-ROUTINE ", StringComparison.Ordinal)).Select(line => "SCAN " + line["CO-ROUTINE ".Length..]).ToHashSet();
            Assert.False(plan.Any(line => line.StartsWith("SCAN ", StringComparison.Ordinal) && !line.Contains(" USING ", StringComparison.Ordinal)
                    && !line.Contains("VIRTUAL TABLE INDEX", StringComparison.Ordinal) && !line.Contains("json_each", StringComparison.Ordinal)
                    && !coroutines.Contains(line)),
                $"{workload}: a full table scan: {text}");
            Assert.True(plan.All(line => !line.Contains("ArticleSearch VIRTUAL TABLE INDEX", StringComparison.Ordinal) || Regex.IsMatch(line, @"INDEX \d+:\S*M")),
                $"{workload}: reads the full-text index without MATCH: {text}");
            Assert.True(plan.All(line => !line.Contains(" a USING ", StringComparison.Ordinal)
                    || line.Contains("INTEGER PRIMARY KEY", StringComparison.Ordinal) || line.Contains("IX_Articles_CategoryId", StringComparison.Ordinal)),
                $"{workload}: reads Articles by something else than its key or category: {text}");
        }

        Assert.Contains(plans, plan => plan.Any(line => line.Contains("VIRTUAL TABLE INDEX", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Should_read_related_candidates_newest_first_along_the_indexes_without_sorting_them()
    {
        var plans = await PlansAsync(ArticleQueryWorkload.Related, after: null, tables: "\"ArticleSearch\"");

        // Each category's and each tag's candidates are read in the index's order and stop at the bound: no sort of all of them.
        var candidates = Assert.Single(_factory.SqlCommands.Commands, c => c.Sql.Contains("FROM \"ArticleSearch\"", StringComparison.Ordinal));
        Assert.Equal(Regex.Count(candidates.Sql, "UNION ALL") + 1, Regex.Count(candidates.Sql, @"\bLIMIT\b"));
        var plan = Assert.Single(plans);
        Assert.Contains(plan, line => line.Contains("IX_Articles_CategoryId_Status_PublishedAt", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.Contains("VIRTUAL TABLE INDEX", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_seek_the_next_page_of_a_search_through_the_full_text_index()
    {
        const string query = ArticleQueryWorkload.SearchPages;
        var first = (await _factory.CreateClient().PostQueryAsync(query)).AssertData();
        var cursor = first["searchArticles"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var plans = await PlansAsync(query, cursor, tables: ["\"ArticleSearch\"", "\"PublishedArticleSearch\""]);

        var plan = Assert.Single(plans);
        Assert.Contains(plan, line => line.Contains("VIRTUAL TABLE INDEX", StringComparison.Ordinal) && line.Contains(":M", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.Contains("USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
    }

    private static void AssertIndexed(string workload, IReadOnlyList<IReadOnlyList<string>> plans, bool withoutSort)
    {
        Assert.NotEmpty(plans);
        foreach (var plan in plans)
        {
            var text = string.Join(" | ", plan);
            Assert.True(plan.Any(line => line.Contains("USING INDEX IX_Articles", StringComparison.Ordinal)
                    || line.Contains("USING COVERING INDEX IX_Articles", StringComparison.Ordinal)),
                $"{workload}: no Articles index in the plan: {text}");
            // A category filter's ids are one parameter: SQLite scans its elements (json_each, a virtual table) once.
            Assert.False(plan.Any(line => line.StartsWith("SCAN ", StringComparison.Ordinal) && !line.Contains(" USING ", StringComparison.Ordinal)
                    && !line.Contains(" VIRTUAL TABLE ", StringComparison.Ordinal)),
                $"{workload}: a full table scan: {text}");
            if (withoutSort)
            {
                Assert.False(plan.Any(line => line.Contains("TEMP B-TREE", StringComparison.Ordinal)), $"{workload}: sorts instead of walking the index: {text}");
            }
        }
    }

    /// <summary>Runs the query (as <paramref name="client"/>, anonymous unless given), then asks SQLite for the plan of each command it sent that reads one of <paramref name="tables"/> (Articles unless given), leaving out the scheduler's.</summary>
    private async Task<IReadOnlyList<IReadOnlyList<string>>> PlansAsync(string query, string? after, HttpClient? client = null, params string[] tables)
    {
        tables = tables.Length == 0 ? ["\"Articles\""] : tables;
        _factory.SqlCommands.Reset();
        (await (client ?? _factory.CreateClient()).PostQueryAsync(query, after is null ? null : new { after })).AssertData();
        var commands = _factory.SqlCommands.Commands
            .Where(c => tables.Any(table => c.Sql.Contains("FROM " + table, StringComparison.Ordinal)))
            .Where(c => !c.Sql.Contains("ScheduledAt\" <=", StringComparison.Ordinal)) // the scheduler's background pass, not the request
            .ToList();

        await using var connection = new SqliteConnection($"Data Source={_factory.DatabasePath}");
        await connection.OpenAsync();
        var plans = new List<IReadOnlyList<string>>();
        foreach (var command in commands)
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
            foreach (var (name, value) in command.Parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(3));
            }

            plans.Add(lines);
        }

        return plans;
    }
}
