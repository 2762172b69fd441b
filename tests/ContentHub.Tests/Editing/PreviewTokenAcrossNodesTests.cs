using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Editing;

/// <summary>
/// Several servers on one database share the Data Protection key ring stored in it: a preview token sealed by one
/// node opens the draft on another, and one sealed with another database's key ring opens nothing. Each factory is a
/// node of its own, with its own services and memory.
/// </summary>
public abstract class PreviewTokenAcrossNodesTests
{
    private static readonly (string Key, string Value) Unseeded = ("Seeding:OnStartup", "false");

    private readonly TestDatabase _database;

    private PreviewTokenAcrossNodesTests(TestDatabase database)
    {
        Skip.If(database == TestDatabase.PostgreSql && !PostgreSqlTestServer.IsAvailable, PostgreSqlTestServer.NotFound);
        _database = database;
    }

    [SkippableFact]
    public async Task Should_open_a_draft_on_one_node_with_a_token_minted_on_another()
    {
        using var nodeA = new CustomContentHubFactory(_database, Unseeded);
        var editor = await nodeA.CreateClientAsync(ApiKeyRole.Editor);
        var draft = await CreateAsync(editor, new { title = "Seen elsewhere", body = "Draft text." });
        var (_, token) = await MintAsync(editor, draft["id"]!.GetValue<string>());
        using var elsewhere = new ContentRootElsewhere(nodeA);
        using var nodeB = new CustomContentHubFactory(nodeA, Unseeded, ("contentRoot", elsewhere.Path));

        var onB = await ArticleAsync(Previewer(nodeB, token), "seen-elsewhere");

        Assert.Equal("DRAFT", onB!["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Should_refuse_a_token_sealed_with_another_databases_key_ring()
    {
        using var node = new CustomContentHubFactory(_database, Unseeded);
        using var foreign = new CustomContentHubFactory(_database, Unseeded);
        var ours = await MintForNewDraftAsync(node, "Ours");
        var theirs = await MintForNewDraftAsync(foreign, "Theirs");

        var own = await ArticleAsync(Previewer(node, ours.Token), "ours");
        var refused = await Previewer(node, theirs.Token).PostQueryAsync("""{ article(slug: "ours") { title } }""");

        // Same row id on both databases: only the key ring tells the tokens apart.
        Assert.Equal(ours.TokenId, theirs.TokenId);
        Assert.NotNull(own);
        Assert.Equal(401, refused.Status);
        Assert.Equal("UNAUTHENTICATED", refused.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    private static async Task<(string TokenId, string Token)> MintForNewDraftAsync(ContentHubFactory node, string title)
    {
        var editor = await node.CreateClientAsync(ApiKeyRole.Editor);
        var draft = await CreateAsync(editor, new { title, body = "Draft text." });
        return await MintAsync(editor, draft["id"]!.GetValue<string>());
    }

    private static async Task<(string TokenId, string Token)> MintAsync(HttpClient editor, string id)
    {
        var payload = (await editor.PostQueryAsync(
            "mutation($id: ID!) { createArticlePreviewToken(id: $id, expiresInMinutes: 30) { tokenId token errors { code } } }",
            new { id })).AssertData()["createArticlePreviewToken"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return (payload["tokenId"]!.GetValue<string>(), payload["token"]!.GetValue<string>());
    }

    private static HttpClient Previewer(ContentHubFactory node, string token)
    {
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Add(PreviewTokens.Header, token);
        return client;
    }

    private static async Task<JsonNode?> ArticleAsync(HttpClient client, string slug) =>
        (await client.PostQueryAsync($$"""{ article(slug: "{{slug}}") { slug status } }""")).AssertData()["article"];

    /// <summary>
    /// The same application files under another path, as on another machine: Data Protection's default tells
    /// applications apart by their content root, so this node shares no key ring with the first by accident.
    /// </summary>
    private sealed class ContentRootElsewhere : IDisposable
    {
        public ContentRootElsewhere(ContentHubFactory node) => Directory.CreateSymbolicLink(
            Path, node.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"contenthub-node-{Guid.NewGuid():N}");

        public void Dispose() => Directory.Delete(Path);
    }

    public sealed class OnSqlite() : PreviewTokenAcrossNodesTests(TestDatabase.Sqlite);

    public sealed class OnPostgreSql() : PreviewTokenAcrossNodesTests(TestDatabase.PostgreSql);
}
