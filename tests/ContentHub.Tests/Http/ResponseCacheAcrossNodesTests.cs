using System.Net;
using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Hosting.Redis;
using ContentHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Http;

/// <summary>
/// Two nodes on one database and one Redis (a private <c>redis-server</c>, see <see cref="RedisTestServer"/>): an
/// anonymous read on either node never shows content from before a write that either node has acknowledged, an answer
/// computed on one node is served by the other, and while Redis is away both nodes answer correctly, uncached.
/// </summary>
public abstract class ResponseCacheAcrossNodesTests : IDisposable
{
    private const string Page = "query Page($slug: String!) { article(slug: $slug) { slug title } }";
    private const string List = "query List { articles(first: 50) { edges { node { slug title } } } }";
    private const string Slug = "shared-story";

    private readonly RedisTestServer _redis;
    private readonly TcpRelay _relayToRedis;
    private readonly CustomContentHubFactory _nodeA;
    private readonly CustomContentHubFactory _nodeB;

    private ResponseCacheAcrossNodesTests(TestDatabase database)
    {
        Skip.IfNot(RedisTestServer.IsAvailable, RedisTestServer.NotFound);
        Skip.If(database == TestDatabase.PostgreSql && !PostgreSqlTestServer.IsAvailable, PostgreSqlTestServer.NotFound);
        _redis = new RedisTestServer();
        var port = int.Parse(_redis.ConnectionString.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        // Node A reaches Redis through a relay, so a test can cut it off alone.
        _relayToRedis = new TcpRelay("127.0.0.1", port);
        (string, string)[] settings = [("Seeding:OnStartup", "false"), ("Scheduling:Enabled", "false"), ("Caching:Redis:Prefix", $"test-{Guid.NewGuid():N}:")];
        _nodeA = new CustomContentHubFactory(database, [.. settings, ("ConnectionStrings:Redis", $"127.0.0.1:{_relayToRedis.Port}")]);
        _nodeB = new CustomContentHubFactory(_nodeA, [.. settings, ("ConnectionStrings:Redis", _redis.ConnectionString)]);
    }

    [SkippableFact]
    public async Task Should_never_show_a_read_from_before_a_write_acknowledged_by_either_node()
    {
        HttpClient[] editors = [await _nodeA.CreateClientAsync(ApiKeyRole.Editor), await _nodeB.CreateClientAsync(ApiKeyRole.Editor)];
        HttpClient[] readers = [_nodeA.CreateClient(), _nodeB.CreateClient()];
        var article = await PublishAsync(editors[0], "Round 0");

        for (var round = 1; round <= 12; round++)
        {
            foreach (var reader in readers)
            {
                await AssertTitleAsync(reader, $"Round {round - 1}");
            }

            article = (await MutateAsync(editors[round % 2], "updateArticle", article, new { title = $"Round {round}", slug = Slug }))["article"]!;

            foreach (var reader in readers)
            {
                await AssertTitleAsync(reader, $"Round {round}");
            }
        }
    }

    [SkippableFact]
    public async Task Should_serve_an_answer_computed_on_one_node_from_the_other()
    {
        await PublishAsync(await _nodeA.CreateClientAsync(ApiKeyRole.Editor), "Computed once");
        var onA = await _nodeA.CreateClient().PostQueryAsync(List);
        var onB = _nodeB.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/health/ready")).StatusCode);
        _nodeB.SqlCommands.Reset();

        var answer = await onB.PostQueryAsync(List);

        Assert.Contains("Computed once", onA.Body, StringComparison.Ordinal);
        Assert.Equal(onA.Body, answer.Body);
        Assert.Equal(0, _nodeB.SqlCommands.Count);
    }

    [SkippableFact]
    public async Task Should_answer_uncached_and_never_stale_while_redis_is_down_and_cache_again_once_it_is_back()
    {
        var editor = await _nodeA.CreateClientAsync(ApiKeyRole.Editor);
        var reader = _nodeB.CreateClient();
        var article = await PublishAsync(editor, "Before");
        await AssertTitleAsync(reader, "Before");
        await AssertCachedAsync(reader);

        _redis.Stop();
        await MutateAsync(editor, "updateArticle", article, new { title = "During", slug = Slug });

        await AssertTitleAsync(reader, "During");
        await AssertTitleAsync(_nodeA.CreateClient(), "During");
        _nodeB.SqlCommands.Reset();
        await AssertTitleAsync(reader, "During");
        Assert.True(_nodeB.SqlCommands.Count > 0, "answered uncached while Redis is down");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/health/ready")).StatusCode);

        _redis.Start();
        await UntilAsync(() => Connected(_nodeB));
        await UntilAsync(async () =>
        {
            await AssertTitleAsync(reader, "During");
            _nodeB.SqlCommands.Reset();
            await AssertTitleAsync(reader, "During");
            return _nodeB.SqlCommands.Count == 0;
        });
        // Shared again: an answer node A computes now is served by node B without SQL.
        var round = 0;
        await UntilAsync(async () =>
        {
            var query = $"query Shared{++round} {{ articles(first: 50) {{ edges {{ node {{ slug title }} }} }} }}";
            (await _nodeA.CreateClient().PostQueryAsync(query)).AssertData();
            _nodeB.SqlCommands.Reset();
            (await reader.PostQueryAsync(query)).AssertData();
            return _nodeB.SqlCommands.Count == 0;
        });
    }

    [SkippableFact]
    public async Task Should_not_trust_answers_stamped_before_redis_restarted_empty()
    {
        var editor = await _nodeA.CreateClientAsync(ApiKeyRole.Editor);
        var reader = _nodeB.CreateClient();
        var article = await PublishAsync(editor, "First");
        for (var i = 0; i < 3; i++)
        {
            article = (await MutateAsync(editor, "updateArticle", article, new { title = $"Before {i}", slug = Slug }))["article"]!;
        }

        await AssertTitleAsync(reader, "Before 2");
        await AssertCachedAsync(reader);

        _redis.RestartEmpty();
        await UntilAsync(() => Connected(_nodeA) && Connected(_nodeB));
        await MutateAsync(editor, "updateArticle", article, new { title = "After restart", slug = Slug });

        await AssertTitleAsync(reader, "After restart");
    }

    [SkippableFact]
    public async Task Should_record_a_write_redis_missed_before_serving_anything_cached_again()
    {
        var editor = await _nodeA.CreateClientAsync(ApiKeyRole.Editor);
        HttpClient[] readers = [_nodeA.CreateClient(), _nodeB.CreateClient()];
        var article = await PublishAsync(editor, "Before");
        foreach (var reader in readers)
        {
            await AssertTitleAsync(reader, "Before");
        }

        _relayToRedis.Cut();
        await UntilAsync(() => !Connected(_nodeA));
        await MutateAsync(editor, "updateArticle", article, new { title = "Missed", slug = Slug });
        _relayToRedis.Restore();
        await UntilAsync(() => Connected(_nodeA));

        foreach (var reader in readers)
        {
            await AssertTitleAsync(reader, "Missed");
        }
    }

    public void Dispose()
    {
        _nodeB.Dispose();
        _nodeA.Dispose();
        _relayToRedis.Dispose();
        _redis.Dispose();
        GC.SuppressFinalize(this);
    }

    private static bool Connected(CustomContentHubFactory node) =>
        node.Services.GetRequiredService<RedisConnection>().Multiplexer.IsConnected;

    /// <summary>Waits, at most half a minute, for something that happens in the background (a reconnection).</summary>
    private static async Task UntilAsync(Func<bool> condition) => await UntilAsync(() => Task.FromResult(condition()));

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true within 30 seconds");
            await Task.Delay(50);
        }
    }

    private static async Task<JsonNode> PublishAsync(HttpClient editor, string title)
    {
        var article = await CreateAsync(editor, new { title, slug = Slug, body = "Text." });
        return (await MutateAsync(editor, "publishArticle", article))["article"]!;
    }

    /// <summary>The article page and the list both show <paramref name="title"/>.</summary>
    private static async Task AssertTitleAsync(HttpClient reader, string title)
    {
        var page = (await reader.PostQueryAsync(Page, new { slug = Slug })).AssertData();
        var list = (await reader.PostQueryAsync(List)).AssertData();

        Assert.Equal(title, page["article"]!["title"]!.GetValue<string>());
        Assert.Equal(title, list["articles"]!["edges"]!.AsArray().Single(edge => edge!["node"]!["slug"]!.GetValue<string>() == Slug)!["node"]!["title"]!.GetValue<string>());
    }

    private async Task AssertCachedAsync(HttpClient reader)
    {
        _nodeB.SqlCommands.Reset();
        await reader.PostQueryAsync(List);
        Assert.Equal(0, _nodeB.SqlCommands.Count);
    }

    public sealed class OnSqlite() : ResponseCacheAcrossNodesTests(TestDatabase.Sqlite);

    public sealed class OnPostgreSql() : ResponseCacheAcrossNodesTests(TestDatabase.PostgreSql);
}
