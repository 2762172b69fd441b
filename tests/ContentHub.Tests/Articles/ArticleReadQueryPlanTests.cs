using ContentHub.Tests.Support;

namespace ContentHub.Tests.Articles;

/// <summary>
/// The plans of the SQL that the benchmarks' workloads send, anonymous and uncached, over 1,000 articles: each read
/// goes through an index, and a page is read in the order of an index and stops when it is full, never by reading a
/// table whole or sorting every match.
/// </summary>
public abstract class ArticleReadQueryPlanTests
{
    private const string NewestFirstIndex = "IX_Articles_Status_PublishedAt_Id";

    private readonly WorkloadsFactory _factory;

    private ArticleReadQueryPlanTests(WorkloadsFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_read_the_newest_articles_page_along_the_newest_first_index()
    {
        var plan = Assert.Single(await PlansAsync(WorkloadsFactory.Workload("list")));

        Assert.Contains(NewestFirstIndex, plan, StringComparison.Ordinal);
        AssertNoTableScanOrSort(plan);
    }

    [SkippableFact]
    public async Task Should_read_a_later_filtered_page_through_an_index_without_sorting_the_matches()
    {
        var query = WorkloadsFactory.Workload("filtered");
        var first = (await _factory.CreateClient().PostQueryAsync(query)).AssertData();
        var cursor = first["articles"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var plan = Assert.Single(await PlansAsync(query, new { after = cursor }));

        AssertNoTableScanOrSort(plan);
    }

    [SkippableFact]
    public async Task Should_find_the_article_page_by_its_slug_index_and_its_disclaimer_links_by_key()
    {
        var plans = await PlansAsync(WorkloadsFactory.Workload("article"));

        Assert.Contains(plans, plan => plan.Contains("IX_Articles_Slug", StringComparison.Ordinal));
        Assert.All(plans, AssertNoTableScanOrSort);
    }

    /// <summary>SQLite: no <c>SCAN</c> without an index and no temporary B-tree for the order; PostgreSQL: no sequential scan and no sort.</summary>
    private static void AssertNoTableScanOrSort(string plan)
    {
        Assert.DoesNotMatch(@"(?m)^SCAN (?!.* USING )|TEMP B-TREE|Seq Scan|(^|->\s+)Sort\b", plan);
    }

    /// <summary>The plans of the SQL commands the second of two identical requests sends (the first fills what is kept in memory).</summary>
    private async Task<List<string>> PlansAsync(string query, object? variables = null)
    {
        var client = _factory.CreateClient();
        (await client.PostQueryAsync(query, variables)).AssertData();
        _factory.SqlCommands.Reset();
        (await client.PostQueryAsync(query, variables)).AssertData();

        var plans = new List<string>();
        foreach (var command in _factory.SqlCommands.Commands)
        {
            plans.Add(await _factory.ExplainAsync(command));
        }

        return plans;
    }

    public sealed class OnSqlite(WorkloadsFactory factory) : ArticleReadQueryPlanTests(factory), IClassFixture<WorkloadsFactory>;

    public sealed class OnPostgreSql(PostgreSqlWorkloadsFactory factory) : ArticleReadQueryPlanTests(factory), IClassFixture<PostgreSqlWorkloadsFactory>;
}
