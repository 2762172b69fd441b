using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Http;

/// <summary>Nested relations are batch-loaded: the SQL command count does not grow with the page size, on every provider.</summary>
public abstract class BatchLoadingTests : IAsyncLifetime
{
    private const string ListPage = """
        query List($first: Int!) {
          articles(first: $first) {
            edges { node { title category { name parent { name } } disclaimers { key } } }
          }
          categories { name children { name articles(first: 3) { slug } } }
        }
        """;

    private readonly EmptyContentHubFactory _factory;

    private BatchLoadingTests(EmptyContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    public async Task InitializeAsync()
    {
        await using var db = _factory.CreateDbContext();
        if (db.Articles.Any())
        {
            return;
        }

        var root = TestContent.Category("root", PublicationStatus.Published);
        var categories = Enumerable.Range(0, 4).Select(i => TestContent.Category($"category-{i}", PublicationStatus.Published, root)).ToList();
        var disclaimers = Enumerable.Range(0, 3).Select(i => TestContent.Disclaimer($"disclaimer-{i}", PublicationStatus.Published)).ToList();
        categories[0].Disclaimers.Add(disclaimers[0]);
        for (var i = 0; i < 24; i++)
        {
            var article = TestContent.Article($"article-{i}", PublicationStatus.Published, categories[i % 4], minutesAfter: i);
            article.Disclaimers.Add(disclaimers[i % 3]);
            db.Articles.Add(article);
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Should_load_20_articles_with_their_relations_in_as_many_commands_as_5()
    {
        var client = _factory.CreateClient();

        var forFive = await CountCommandsAsync(client, 5);
        var forTwenty = await CountCommandsAsync(client, 20);

        Assert.Equal(forFive, forTwenty);
        // articles page, the articles' own disclaimer links, the children's articles: 3, whatever the page size
        // (categories, their parents and children, and the disclaimers come from memory for anonymous readers).
        Assert.Equal(3, forTwenty);
    }

    /// <summary>Editors read categories and disclaimers from the database (they see drafts): batch loading holds there too.</summary>
    [SkippableFact]
    public async Task Should_load_20_articles_with_their_relations_in_as_many_commands_as_5_for_an_editor()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);

        Assert.Equal(await CountCommandsAsync(editor, 5), await CountCommandsAsync(editor, 20));
    }

    [SkippableFact]
    public async Task Should_give_each_article_its_own_category_and_disclaimers()
    {
        AssertOwnRelations((await _factory.CreateClient().PostQueryAsync(ListPage, new { first = 8 })).AssertData());
    }

    [SkippableFact]
    public async Task Should_give_each_article_its_own_category_and_disclaimers_for_an_editor()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);

        AssertOwnRelations((await editor.PostQueryAsync(ListPage, new { first = 8 })).AssertData());
    }

    private static void AssertOwnRelations(JsonNode data)
    {

        foreach (var edge in data["articles"]!["edges"]!.AsArray())
        {
            var node = edge!["node"]!;
            var index = int.Parse(node["title"]!.GetValue<string>()["Title of article-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal($"Name of category-{index % 4}", node["category"]!["name"]!.GetValue<string>());
            Assert.Equal("Name of root", node["category"]!["parent"]!["name"]!.GetValue<string>());
            var expected = new List<string> { $"disclaimer-{index % 3}" };
            if (index % 4 == 0 && index % 3 != 0)
            {
                expected.Add("disclaimer-0");
            }

            Assert.Equal(expected.Order(), node["disclaimers"]!.AsArray().Select(d => d!["key"]!.GetValue<string>()).Order());
        }
    }

    private async Task<int> CountCommandsAsync(HttpClient client, int first)
    {
        (await client.PostQueryAsync("{ categories { name } }")).AssertData(); // reads the reference data kept in memory
        _factory.SqlCommands.Reset();
        var response = await client.PostQueryAsync(ListPage, new { first });
        var count = _factory.SqlCommands.Count;
        Assert.Equal(first, response.AssertData()["articles"]!["edges"]!.AsArray().Count);
        return count;
    }

    public sealed class OnSqlite(EmptyContentHubFactory factory) : BatchLoadingTests(factory), IClassFixture<EmptyContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlEmptyContentHubFactory factory) : BatchLoadingTests(factory), IClassFixture<PostgreSqlEmptyContentHubFactory>;
}
