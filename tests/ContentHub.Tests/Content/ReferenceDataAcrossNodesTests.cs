using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using static ContentHub.Tests.Support.ContentMutations;

namespace ContentHub.Tests.Content;

/// <summary>
/// Two nodes on one database and one Redis, keeping no responses: what node B keeps in memory follows a write through
/// node A at once, and while Redis is away node B reads the database rather than trust its copy.
/// </summary>
public sealed class ReferenceDataAcrossNodesTests : IDisposable
{
    private const string Query = "query($slug: String!) { category(slug: $slug) { name } }";

    private readonly RedisTestServer _redis;
    private readonly CustomContentHubFactory _nodeA;
    private readonly CustomContentHubFactory _nodeB;

    public ReferenceDataAcrossNodesTests()
    {
        Skip.IfNot(RedisTestServer.IsAvailable, RedisTestServer.NotFound);
        _redis = new RedisTestServer();
        (string, string)[] settings =
        [
            ("Seeding:OnStartup", "false"), ("GraphQL:ResponseCache:Enabled", "false"),
            ("ConnectionStrings:Redis", _redis.ConnectionString), ("Caching:Redis:Prefix", $"test-{Guid.NewGuid():N}:"),
        ];
        _nodeA = new CustomContentHubFactory(TestDatabase.Sqlite, settings);
        _nodeB = new CustomContentHubFactory(_nodeA, settings);
    }

    [SkippableFact]
    public async Task Should_show_a_category_renamed_through_one_node_on_the_other_nodes_next_read()
    {
        var editor = await _nodeA.CreateClientAsync(ApiKeyRole.Editor);
        var category = await CreatePublishedAsync(editor, "Category", new { slug = "shared-category", name = "Before" });
        var reader = _nodeB.CreateClient();
        var before = await NameOnAsync(reader);

        await MutateAsync(editor, "Category", "updateCategory", category, new { name = "After" });

        Assert.Equal("Before", before);
        Assert.Equal("After", await NameOnAsync(reader));
    }

    [SkippableFact]
    public async Task Should_read_the_database_while_redis_is_down()
    {
        var editor = await _nodeA.CreateClientAsync(ApiKeyRole.Editor);
        var category = await CreatePublishedAsync(editor, "Category", new { slug = "shared-category", name = "Before" });
        var reader = _nodeB.CreateClient();
        await NameOnAsync(reader);

        _redis.Stop();
        await MutateAsync(editor, "Category", "updateCategory", category, new { name = "During" });
        _nodeB.SqlCommands.Reset();
        var during = await NameOnAsync(reader);

        Assert.Equal("During", during);
        Assert.True(_nodeB.SqlCommands.Count > 0, "read from the database while Redis is down");
    }

    public void Dispose()
    {
        _nodeB.Dispose();
        _nodeA.Dispose();
        _redis.Dispose();
        GC.SuppressFinalize(this);
    }

    private static async Task<string?> NameOnAsync(HttpClient reader) =>
        (await reader.PostQueryAsync(Query, new { slug = "shared-category" })).AssertData()["category"]?["name"]?.GetValue<string>();
}
