using System.Text.RegularExpressions;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Articles;

/// <summary>
/// The plans of the SQL that the load script's workloads send, uncached, over 1,000 articles: each read of the articles
/// goes through an index, never reading a table whole, and a page is read in the order of an index and stops when it
/// is full, never sorting every match — for anonymous readers and for editors, whose lists also show drafts.
/// </summary>
public abstract class WorkloadQueryPlanTests
{
    private const string NewestFirstIndex = "IX_Articles_Status_PublishedAt_Id";

    private readonly WorkloadsFactory _factory;

    private WorkloadQueryPlanTests(WorkloadsFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_read_the_newest_articles_page_along_the_newest_first_index()
    {
        var plan = Assert.Single(await PlansAsync(WorkloadsFactory.Workload("list")));

        Assert.Contains(NewestFirstIndex, plan, StringComparison.Ordinal);
        AssertNoTableScan(plan);
        AssertNoSort(plan);
    }

    [SkippableFact]
    public async Task Should_read_a_later_filtered_page_through_an_index_without_sorting_the_matches()
    {
        var query = WorkloadsFactory.Workload("filtered");
        var first = (await _factory.CreateClient().PostQueryAsync(query)).AssertData();
        var cursor = first["articles"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var plan = Assert.Single(await PlansAsync(query, new { after = cursor }));

        AssertNoTableScan(plan);
        AssertNoSort(plan);
    }

    [SkippableFact]
    public async Task Should_find_the_article_page_by_its_slug_index_and_its_disclaimer_links_by_key()
    {
        var plan = Assert.Single(await PlansAsync(WorkloadsFactory.Workload("article")));

        Assert.Contains("IX_Articles_Slug", plan, StringComparison.Ordinal);
        AssertNoTableScan(plan); // it sorts the article's few disclaimer links
    }

    [SkippableTheory]
    [InlineData("NEWEST")]
    [InlineData("OLDEST")]
    public async Task Should_read_editors_pages_along_the_index_of_their_order_drafts_included(string sort)
    {
        var query = $"query($after: String) {{ articles(first: 20, after: $after, sort: {sort}) {{ pageInfo {{ endCursor }} edges {{ node {{ title }} }} }} }}";
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        const string Count = "{ articles(first: 1) { totalCount } }";
        Assert.True(
            (await editor.PostQueryAsync(Count)).AssertData()["articles"]!["totalCount"]!.GetValue<int>()
                > (await _factory.CreateClient().PostQueryAsync(Count)).AssertData()["articles"]!["totalCount"]!.GetValue<int>(),
            "the editor's list shows drafts too");
        var first = (await editor.PostQueryAsync(query)).AssertData();
        var cursor = first["articles"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var plans = (await PlansAsync(query, client: editor)).Concat(await PlansAsync(query, new { after = cursor }, editor)).ToList();

        Assert.Equal(2, plans.Count);
        foreach (var plan in plans)
        {
            Assert.Contains("IX_Articles_ListedAt_Id", plan, StringComparison.Ordinal);
            AssertNoTableScan(plan);
            AssertNoSort(plan);
        }
    }

    /// <summary>
    /// SQLite: every <c>SCAN</c> without an index is of a subquery's few rows (a <c>CO-ROUTINE</c> or <c>MATERIALIZE</c>
    /// of the plan) or of a collection parameter's elements (<c>json_each</c>, a <c>VIRTUAL TABLE</c>), not of a table;
    /// PostgreSQL: no sequential scan.
    /// </summary>
    private static void AssertNoTableScan(string plan)
    {
        var subqueries = Regex.Matches(plan, @"(?m)^(?:CO-ROUTINE|MATERIALIZE) (\S+)").Select(m => m.Groups[1].Value).ToHashSet();
        var scans = Regex.Matches(plan, @"(?m)^SCAN (\S+)(?!.* USING )(?!.* VIRTUAL TABLE )").Select(m => m.Groups[1].Value);
        Assert.True(!scans.Any(scanned => !subqueries.Contains(scanned)), plan);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    /// <summary>SQLite: no temporary B-tree for the order; PostgreSQL: no sort.</summary>
    private static void AssertNoSort(string plan) => Assert.DoesNotMatch(@"(?m)TEMP B-TREE|(^|->\s+)Sort\b", plan);

    /// <summary>
    /// The plans of the SQL commands reading articles that the second of two identical requests sends (the first
    /// fills what is kept in memory), anonymous unless <paramref name="client"/> is given.
    /// </summary>
    private async Task<List<string>> PlansAsync(string query, object? variables = null, HttpClient? client = null)
    {
        client ??= _factory.CreateClient();
        (await client.PostQueryAsync(query, variables)).AssertData();
        _factory.SqlCommands.Reset();
        (await client.PostQueryAsync(query, variables)).AssertData();

        var plans = new List<string>();
        foreach (var command in _factory.SqlCommands.Commands.Where(c => c.Sql.Contains("FROM \"Articles\"", StringComparison.Ordinal)))
        {
            plans.Add(await _factory.ExplainAsync(command));
        }

        return plans;
    }

    public sealed class OnSqlite(WorkloadsFactory factory) : WorkloadQueryPlanTests(factory), IClassFixture<WorkloadsFactory>;

    public sealed class OnPostgreSql(PostgreSqlWorkloadsFactory factory) : WorkloadQueryPlanTests(factory), IClassFixture<PostgreSqlWorkloadsFactory>;
}
