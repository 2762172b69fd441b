using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Editing;

/// <summary>
/// Editors racing on one article: each retries on CONFLICT with the version it is told, as a client should.
/// Every acknowledged write must be in the history, once, in the order its editor made it, with gapless versions.
/// </summary>
public abstract class ConcurrentEditingTests
{
    private const int Editors = 8;
    private const int UpdatesEach = 100;

    private readonly ContentHubFactory _factory;

    private ConcurrentEditingTests(ContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_lose_no_acknowledged_write_when_eight_editors_update_one_article()
    {
        var setup = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(setup, new { title = "Hot article", body = "start" });
        var id = article["id"]!.GetValue<string>();

        var acknowledged = await Task.WhenAll(Enumerable.Range(0, Editors).Select(async editor =>
        {
            var client = await _factory.CreateClientAsync(ApiKeyRole.Editor, $"Racer {editor}");
            var versions = new List<int>();
            var version = 1;
            for (var update = 0; update < UpdatesEach; update++)
            {
                while (true)
                {
                    var payload = await UpdateAsync(client, id, version, $"editor {editor} update {update}");
                    if (payload["article"] is JsonObject written)
                    {
                        version = written["version"]!.GetValue<int>();
                        versions.Add(version);
                        break;
                    }

                    Assert.Equal("CONFLICT", payload["errors"]![0]!["code"]!.GetValue<string>());
                    version = payload["currentVersion"]?.GetValue<int>() ?? version;
                }
            }

            return (Editor: editor, Versions: versions);
        }));

        var revisions = (await setup.PostQueryAsync($$"""{ articleRevisions(id: "{{id}}") { version actor snapshot } }"""))
            .AssertData()["articleRevisions"]!.AsArray().Reverse().ToList();
        Assert.Equal(Enumerable.Range(1, Editors * UpdatesEach + 1), revisions.Select(r => r!["version"]!.GetValue<int>()));
        var bodies = revisions.ToDictionary(r => r!["version"]!.GetValue<int>(), r => (string)JsonNode.Parse(r!["snapshot"]!.GetValue<string>())!["body"]!);
        foreach (var (editor, versions) in acknowledged)
        {
            Assert.Equal(UpdatesEach, versions.Count);
            Assert.Equal(versions.Order(), versions); // each editor's writes landed in the order it made them
            Assert.Equal(Enumerable.Range(0, UpdatesEach).Select(update => $"editor {editor} update {update}"), versions.Select(v => bodies[v]));
            Assert.All(versions, v => Assert.Equal($"Racer {editor}", revisions[v - 1]!["actor"]!.GetValue<string>()));
        }
    }

    private static async Task<JsonNode> UpdateAsync(HttpClient client, string id, int version, string body) =>
        (await client.PostQueryAsync(
            "mutation($id: ID!, $version: Int!, $input: ArticleInput!) { updateArticle(id: $id, version: $version, input: $input) { article { version } errors { code } currentVersion } }",
            new { id, version, input = new { body } })).AssertData()["updateArticle"]!;

    public sealed class OnSqlite(ContentHubFactory factory) : ConcurrentEditingTests(factory), IClassFixture<ContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlContentHubFactory factory) : ConcurrentEditingTests(factory), IClassFixture<PostgreSqlContentHubFactory>;
}
