using ContentHub.Server.Access;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Editing;

/// <summary>
/// Editors creating articles with one slug at the same moment: one wins, every other gets a <c>DUPLICATE</c> user
/// error on the slug, never a server error, whichever of the read check or the unique index catches it.
/// </summary>
public abstract class UniqueSlugRaceTests
{
    private const int Editors = 8;

    private readonly ContentHubFactory _factory;

    private UniqueSlugRaceTests(ContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_create_one_article_and_answer_duplicate_to_every_other_editor()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, Editors).Select(i => _factory.CreateClientAsync(ApiKeyRole.Editor, $"Racer {i}")));

        var responses = await Task.WhenAll(clients.Select((client, i) => client.PostQueryAsync(
            "mutation($input: ArticleInput!) { createArticle(input: $input) { article { slug } errors { field code } } }",
            new { input = new { title = $"Race {i}", slug = "contested-slug", body = "Text." } })));

        var payloads = responses.Select(response => response.AssertData()["createArticle"]!).ToList();
        Assert.Single(payloads, payload => payload["article"] is not null);
        Assert.All(payloads.Where(payload => payload["article"] is null), payload =>
        {
            var error = Assert.Single(payload["errors"]!.AsArray());
            Assert.Equal(("slug", "DUPLICATE"), (error!["field"]!.GetValue<string>(), error["code"]!.GetValue<string>()));
        });
    }

    public sealed class OnSqlite(EmptyContentHubFactory factory) : UniqueSlugRaceTests(factory), IClassFixture<EmptyContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlEmptyContentHubFactory factory) : UniqueSlugRaceTests(factory), IClassFixture<PostgreSqlEmptyContentHubFactory>;
}
