using ContentHub.Server.Content;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Articles;

/// <summary>The articles connection pages newest first with opaque keyset cursors and clamps page sizes.</summary>
public abstract class ArticlePagingTests : IAsyncLifetime
{
    private const int Published = 130;
    private readonly EmptyContentHubFactory _factory;

    private ArticlePagingTests(EmptyContentHubFactory factory)
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

        var spine = TestContent.Category("spine", PublicationStatus.Published);
        for (var i = 0; i < Published; i++)
        {
            // Pairs share a timestamp, so the id must break ties for the cursor to be exact.
            var article = TestContent.Article($"article-{i:D3}", PublicationStatus.Published, i % 2 == 0 ? spine : null, minutesAfter: i / 2);
            article.Tags = i % 10 == 0 ? ["tenth"] : ["other"];
            db.Articles.Add(article);
        }

        db.Articles.Add(TestContent.Article("draft", PublicationStatus.Draft, spine));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Should_give_every_edge_a_cursor_that_continues_after_its_own_article()
    {
        var client = _factory.CreateClient();
        const string Page = "query($after: String) { articles(first: 3, after: $after) { pageInfo { startCursor endCursor } edges { cursor node { slug } } } }";

        var page = (await client.PostQueryAsync(Page, new { after = (string?)null })).AssertData()["articles"]!;
        var edges = page["edges"]!.AsArray();
        var fromFirst = (await client.PostQueryAsync(Page, new { after = edges[0]!["cursor"]!.GetValue<string>() })).AssertData()["articles"]!;

        Assert.Equal(page["pageInfo"]!["startCursor"]!.GetValue<string>(), edges[0]!["cursor"]!.GetValue<string>());
        Assert.Equal(page["pageInfo"]!["endCursor"]!.GetValue<string>(), edges[2]!["cursor"]!.GetValue<string>());
        Assert.Equal(3, edges.Select(e => e!["cursor"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(
            edges.Skip(1).Select(e => e!["node"]!["slug"]!.GetValue<string>()),
            fromFirst["edges"]!.AsArray().Take(2).Select(e => e!["node"]!["slug"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Should_walk_every_published_article_once_newest_first()
    {
        var client = _factory.CreateClient();
        var seen = new List<string>();
        string? after = null;
        bool hasNext;
        do
        {
            var page = (await client.PostQueryAsync(
                "query($after: String) { articles(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { slug publishedAt } } } }",
                new { after })).AssertData()["articles"]!;
            Assert.Equal(Published, page["totalCount"]!.GetValue<int>());
            seen.AddRange(page["edges"]!.AsArray().Select(e => e!["node"]!["slug"]!.GetValue<string>()));
            hasNext = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>();
            after = page["pageInfo"]!["endCursor"]?.GetValue<string>();
        }
        while (hasNext);

        await using var db = _factory.CreateDbContext();
        var newestFirst = db.Articles.Where(a => a.Status == PublicationStatus.Published)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => a.Slug).ToList();
        Assert.Equal(newestFirst, seen);
    }

    [SkippableFact]
    public async Task Should_filter_by_category_and_tag()
    {
        var data = (await _factory.CreateClient().PostQueryAsync("""
            {
              byCategory: articles(filter: { category: "spine" }) { totalCount }
              byTag: articles(filter: { tag: "tenth" }) { totalCount }
              both: articles(filter: { category: "spine", tag: "tenth" }) { totalCount }
            }
            """)).AssertData();

        Assert.Equal(Published / 2, data["byCategory"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(Published / 10, data["byTag"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(Published / 10, data["both"]!["totalCount"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Should_refuse_a_negative_page_size()
    {
        var response = await _factory.CreateClient().PostQueryAsync("{ articles(first: -1) { totalCount } }");

        Assert.Equal("VALIDATION", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("NEWEST:1:3155378976000000000")] // one tick past the last DateTime
    [InlineData("NEWEST:1:abc")]
    [InlineData("NEWEST:1:-5")]
    [InlineData("NEWEST:x:638000000000000000")]
    [InlineData("NEWEST:-1:638000000000000000")]
    [InlineData(":1:638000000000000000")]
    [InlineData("NEWEST:638000000000000000")]
    public async Task Should_refuse_a_forged_cursor_as_not_ours(string text)
    {
        var response = await _factory.CreateClient().PostQueryAsync(
            "query($after: String) { articles(first: 1, after: $after) { totalCount } }", new { after = Cursor(text) });

        Assert.Equal("VALIDATION", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("'after' is not a cursor this API issued.", response.Errors![0]!["message"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("not base64!")]
    [InlineData("__79")] // bytes that are no UTF-8
    [InlineData("VElUTEU6MTpUaXRsZSBvZiBhcnRpY2xlLTA2NP8")] // "TITLE:1:Title of article-064" and a byte that is no UTF-8: not a title to page after
    public async Task Should_refuse_a_cursor_that_does_not_decode(string after)
    {
        var response = await _factory.CreateClient().PostQueryAsync(
            "query($after: String) { articles(first: 1, after: $after) { totalCount } }", new { after });

        Assert.Equal("'after' is not a cursor this API issued.", response.Errors![0]!["message"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("NEWEST:1:3155378975999999999", null, Published)] // the last DateTime: everything is older
    [InlineData("NEWEST:2147483647:0", null, 0)]
    [InlineData("TITLE:1:Title of article-064: with a colon", "TITLE", 65)] // the key keeps every separator after the id
    public async Task Should_page_after_any_well_formed_cursor(string text, string? sort, int expected)
    {
        var data = (await _factory.CreateClient().PostQueryAsync(
            "query($after: String, $sort: ArticleSort) { articles(first: 5, after: $after, sort: $sort) { pageInfo { hasPreviousPage } edges { node { slug } } } }",
            new { after = Cursor(text), sort })).AssertData()["articles"]!;

        Assert.True(data["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.Equal(Math.Min(expected, 5), data["edges"]!.AsArray().Count);
    }

    private static string Cursor(string text) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(text));

    public sealed class OnSqlite(EmptyContentHubFactory factory) : ArticlePagingTests(factory), IClassFixture<EmptyContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlEmptyContentHubFactory factory) : ArticlePagingTests(factory), IClassFixture<PostgreSqlEmptyContentHubFactory>;
}
