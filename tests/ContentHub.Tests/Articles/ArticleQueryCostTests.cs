using ContentHub.Tests.Support;

namespace ContentHub.Tests.Articles;

/// <summary>How many SQL commands the typical article workloads cost (issue 4: two each; issue 11: one for a list page).</summary>
public abstract class ArticleQueryCostTests : IAsyncLifetime
{
    private readonly EmptyContentHubFactory _factory;

    private ArticleQueryCostTests(EmptyContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    public Task InitializeAsync() => ArticleCatalog.SeedAsync(_factory);

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Should_list_20_newest_articles_with_their_category_in_one_command()
    {
        var count = await CountAsync("{ articles(first: 20) { edges { node { title publishedAt category { name } } } } }", after: null, expectedEdges: 20);

        Assert.Equal(1, count); // the page; the categories are in memory
    }

    [SkippableFact]
    public async Task Should_list_page_3_of_a_filtered_category_tree_with_category_names_in_one_command()
    {
        const string query = """
            query($after: String) {
              articles(first: 10, after: $after, filter: { category: "health", search: "RTICLE" }, sort: NEWEST) {
                pageInfo { endCursor } edges { node { title category { name } } }
              }
            }
            """;
        var client = _factory.CreateClient();
        string? after = null;
        for (var page = 1; page < 3; page++)
        {
            after = (await client.PostQueryAsync(query, new { after })).AssertData()["articles"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        var count = await CountAsync(query, after, expectedEdges: 10);

        Assert.Equal(1, count); // the page; the category tree (which also names the categories) is in memory
    }

    [SkippableFact]
    public async Task Should_load_an_article_by_slug_with_its_category_and_disclaimers_in_one_command()
    {
        const string query = """{ article(slug: "article-013") { title category { name } disclaimers { key body { html } } } }""";
        var client = await ReferenceDataReadClientAsync();

        _factory.SqlCommands.Reset();
        var data = (await client.PostQueryAsync(query)).AssertData();
        var count = _factory.SqlCommands.Count;

        Assert.Equal("Name of spine", data["article"]!["category"]!["name"]!.GetValue<string>());
        Assert.Equal(["site-wide", "spine-note"], data["article"]!["disclaimers"]!.AsArray().Select(d => d!["key"]!.GetValue<string>()).Order());
        Assert.Equal(1, count); // the article with its own disclaimer links (its category and the disclaimers are in memory)
    }

    [SkippableTheory]
    [InlineData(5)]
    [InlineData(50)]
    public async Task Should_search_a_page_with_scores_and_snippets_in_two_commands_whatever_its_size(int size)
    {
        var query = $$"""{ searchArticles(query: "article", first: {{size}}) { edges { score snippet node { title } } } }""";

        _factory.SqlCommands.Reset();
        var data = (await _factory.CreateClient().PostQueryAsync(query)).AssertData();
        var count = _factory.SqlCommands.Count;

        var edges = data["searchArticles"]!["edges"]!.AsArray();
        Assert.Equal(size, edges.Count);
        Assert.All(edges, edge => Assert.Contains("<mark>", edge!["snippet"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(2, count); // the page (matches, ranks and articles), the page's snippets
    }

    /// <summary>A client, after a read that fills the reference data kept in memory (read once, not per request).</summary>
    private async Task<HttpClient> ReferenceDataReadClientAsync()
    {
        var client = _factory.CreateClient();
        (await client.PostQueryAsync("{ categories { name } }")).AssertData();
        return client;
    }

    private async Task<int> CountAsync(string query, string? after, int expectedEdges)
    {
        var client = await ReferenceDataReadClientAsync();
        _factory.SqlCommands.Reset();
        var data = (await client.PostQueryAsync(query, after is null ? null : new { after })).AssertData();
        var count = _factory.SqlCommands.Count;
        var edges = data["articles"]!["edges"]!.AsArray();
        Assert.Equal(expectedEdges, edges.Count);
        Assert.All(edges, edge => Assert.NotNull(edge!["node"]!["title"]));
        return count;
    }

    public sealed class OnSqlite(EmptyContentHubFactory factory) : ArticleQueryCostTests(factory), IClassFixture<EmptyContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlEmptyContentHubFactory factory) : ArticleQueryCostTests(factory), IClassFixture<PostgreSqlEmptyContentHubFactory>;
}
