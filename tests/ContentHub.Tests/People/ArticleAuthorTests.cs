using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using static ContentHub.Tests.Support.ArticleMutations;
using static ContentHub.Tests.Support.PersonMutations;

namespace ContentHub.Tests.People;

/// <summary>Articles credit people as authors, in order; a person's page lists their articles; readers see only what is published.</summary>
public abstract class ArticleAuthorTests
{
    private readonly ContentHubFactory _factory;

    private ArticleAuthorTests(ContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_credit_authors_in_byline_order_and_list_each_persons_published_articles()
    {
        var (admin, editor) = (await _factory.CreateClientAsync(ApiKeyRole.Admin, "Byline Admin"), await _factory.CreateClientAsync(ApiKeyRole.Editor, "Byline Editor"));
        await CreatePublishedPersonAsync(admin, "Olga Byline");
        await CreatePublishedPersonAsync(admin, "Pavel Byline");
        var first = await CreateAsync(editor, new { title = "First by Olga", body = "Text.", authors = new[] { "pavel-byline", "olga-byline" } });
        await MutateAsync(editor, "publishArticle", first);
        var second = await CreateAsync(editor, new { title = "Second by Olga", body = "Text.", authors = new[] { "olga-byline" } });
        await MutateAsync(editor, "publishArticle", second);
        await CreateAsync(editor, new { title = "Draft by Olga", body = "Text.", authors = new[] { "olga-byline" } });

        var read = (await _factory.CreateClient().PostQueryAsync("""
            {
              article(slug: "first-by-olga") { authors { slug name } }
              person(slug: "olga-byline") { articles { slug } }
              articles(first: 10, filter: { author: "olga-byline" }) { edges { node { slug } } }
            }
            """)).AssertData();

        Assert.Equal(["pavel-byline", "olga-byline"], read["article"]!["authors"]!.AsArray().Select(a => a!["slug"]!.GetValue<string>()));
        Assert.Equal(["second-by-olga", "first-by-olga"], read["person"]!["articles"]!.AsArray().Select(a => a!["slug"]!.GetValue<string>()));
        Assert.Equal(["second-by-olga", "first-by-olga"], read["articles"]!["edges"]!.AsArray().Select(e => e!["node"]!["slug"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Should_refuse_unknown_or_repeated_authors_and_keep_unpublished_people_off_readers_bylines()
    {
        var (admin, editor) = (await _factory.CreateClientAsync(ApiKeyRole.Admin, "Byline Admin"), await _factory.CreateClientAsync(ApiKeyRole.Editor, "Byline Editor"));
        await CreatePublishedPersonAsync(admin, "Rita Shown");
        await CreatePersonAsync(admin, new { name = "Sven Hidden" });

        var refused = (await editor.PostQueryAsync(
            "mutation($input: ArticleInput!) { createArticle(input: $input) { article { id } errors { field code } } }",
            new { input = new { title = "Bad byline", body = "Text.", authors = new[] { "nobody-at-all", "rita-shown", "rita-shown" } } })).AssertData()["createArticle"]!;
        var article = await CreateAsync(editor, new { title = "Mixed byline", body = "Text.", authors = new[] { "sven-hidden", "rita-shown" } });
        await MutateAsync(editor, "publishArticle", article);
        const string Byline = """{ article(slug: "mixed-byline") { authors { slug } } }""";
        var forReaders = (await _factory.CreateClient().PostQueryAsync(Byline)).AssertData();
        var forEditors = (await editor.PostQueryAsync(Byline)).AssertData();

        Assert.Null(refused["article"]);
        Assert.Equal([("authors[0]", "NOT_FOUND"), ("authors[2]", "INVALID_VALUE")],
            refused["errors"]!.AsArray().Select(e => (e!["field"]!.GetValue<string>(), e["code"]!.GetValue<string>())));
        Assert.Equal(["rita-shown"], Slugs(forReaders["article"]!["authors"]!));
        Assert.Equal(["sven-hidden", "rita-shown"], Slugs(forEditors["article"]!["authors"]!));
    }

    [SkippableFact]
    public async Task Should_load_authors_in_one_command_for_a_whole_page_and_only_when_selected()
    {
        var (admin, editor) = (await _factory.CreateClientAsync(ApiKeyRole.Admin, "Byline Admin"), await _factory.CreateClientAsync(ApiKeyRole.Editor, "Byline Editor"));
        await CreatePublishedPersonAsync(admin, "Tomas Counted");
        for (var i = 0; i < 6; i++)
        {
            await CreateAsync(editor, new { title = $"Counted {i}", body = "Text.", tags = new[] { "counted-authors" }, authors = new[] { "tomas-counted" } });
        }

        var without = await CountCommandsAsync(editor, "slug", 6);
        var forTwo = await CountCommandsAsync(editor, "slug authors { name }", 2);
        var forSix = await CountCommandsAsync(editor, "slug authors { name }", 6);

        Assert.Equal(without + 1, forSix);
        Assert.Equal(forTwo, forSix);
    }

    [SkippableFact]
    public async Task Should_refuse_to_purge_a_person_who_is_still_an_author()
    {
        var (admin, editor) = (await _factory.CreateClientAsync(ApiKeyRole.Admin, "Byline Admin"), await _factory.CreateClientAsync(ApiKeyRole.Editor, "Byline Editor"));
        var person = await CreatePublishedPersonAsync(admin, "Ursula Kept");
        await CreateAsync(editor, new { title = "Kept byline", body = "Text.", authors = new[] { "ursula-kept" } });
        const string Move = "mutation($id: ID!, $version: Int!) { deletePerson(id: $id, version: $version) { person { version } errors { code } } }";
        var deleted = (await admin.PostQueryAsync(Move, new { id = person["id"]!.GetValue<string>(), version = 2 })).AssertData()["deletePerson"]!;

        var purge = (await admin.PostQueryAsync(
            "mutation($id: ID!, $version: Int!) { purgePerson(id: $id, version: $version) { errors { code message } } }",
            new { id = person["id"]!.GetValue<string>(), version = deleted["person"]!["version"]!.GetValue<int>() })).AssertData()["purgePerson"]!;

        Assert.Equal("INVALID_STATE", purge["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Contains("'kept-byline'", purge["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<int> CountCommandsAsync(HttpClient client, string fields, int first)
    {
        _factory.SqlCommands.Reset();
        var data = (await client.PostQueryAsync(
            $$"""query($first: Int!) { articles(first: $first, filter: { tag: "counted-authors" }) { edges { node { {{fields}} } } } }""", new { first })).AssertData();
        var count = _factory.SqlCommands.Count;
        Assert.Equal(first, data["articles"]!["edges"]!.AsArray().Count);
        return count;
    }

    private static IEnumerable<string> Slugs(JsonNode people) => people.AsArray().Select(p => p!["slug"]!.GetValue<string>());

    public sealed class OnSqlite(ContentHubFactory factory) : ArticleAuthorTests(factory), IClassFixture<ContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlContentHubFactory factory) : ArticleAuthorTests(factory), IClassFixture<PostgreSqlContentHubFactory>;
}
