using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.GraphQL.Caching;
using ContentHub.Server.Seeding;
using ContentHub.Tests.Support;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Tests.Http;

/// <summary>
/// Anonymous reads are answered from memory until content changes; no anonymous read that starts after a write
/// has returned sees the content from before it. Editors always get fresh answers.
/// </summary>
public sealed class ResponseCacheTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    private ResponseCache Cache => factory.Services.GetRequiredService<ResponseCache>();

    [Fact]
    public async Task Should_answer_a_repeated_anonymous_query_from_the_cache_with_the_same_body()
    {
        const string query = "query CachedSite { site { name tagline } }";
        var client = factory.CreateClient();
        var first = await client.PostQueryAsync(query);
        factory.SqlCommands.Reset();

        var second = await client.PostQueryAsync(query);

        first.AssertData();
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(0, factory.SqlCommands.Count);
    }

    [Fact]
    public async Task Should_key_by_variables_and_operation_name()
    {
        const string query = "query A($slug: String) { article(slug: $slug) { slug } } query B { site { name } }";
        var client = factory.CreateClient();

        var revision = await PostOperationAsync(client, query, "A", new { slug = "revision-surgery" });
        var missing = await PostOperationAsync(client, query, "A", new { slug = "no-such-article" });
        var site = await PostOperationAsync(client, query, "B", null);

        Assert.Equal("revision-surgery", revision["data"]!["article"]!["slug"]!.GetValue<string>());
        Assert.Null(missing["data"]!["article"]);
        Assert.NotNull(site["data"]!["site"]);
    }

    [Fact]
    public void Should_key_requests_so_no_operation_name_or_variables_can_run_into_the_document()
    {
        var request = Request("query A($s: String) { article(slug: $s) { slug } }", "A", """{"s":"x"}""");

        Assert.Equal(Cache.KeyFor(request), Cache.KeyFor(Request("query A($s: String) { article(slug: $s) { slug } }", "A", """{"s":"x"}""")));
        // Joined without lengths, each of these would read "Aquery A(…" or "A{"s":"x"}query A(…" as the first does.
        Assert.NotEqual(Cache.KeyFor(request), Cache.KeyFor(Request("uery A($s: String) { article(slug: $s) { slug } }", "Aq", """{"s":"x"}""")));
        Assert.NotEqual(Cache.KeyFor(Request("query { site { name } }", "A", null)), Cache.KeyFor(Request("Aquery { site { name } }", null, null)));
        Assert.NotEqual(Cache.KeyFor(request), Cache.KeyFor(Request("query A($s: String) { article(slug: $s) { slug } }", "A", """{"s":"y"}""")));
        Assert.NotEqual(Cache.KeyFor(request), Cache.KeyFor(Request("query A($s: String) { article(slug: $s) { slug } }", null, """{"s":"x"}""")));
    }

    [Fact]
    public void Should_not_key_variables_that_cannot_be_written_back()
    {
        Assert.Null(Cache.KeyFor(Request("query A($n: Float) { site { name } }", "A", """{"n":1e309}""")));
    }

    private GraphQLRequest Request(string query, string? operationName, string? variables) => new()
    {
        Query = query,
        OperationName = operationName,
        Variables = variables is null ? null : factory.Services.GetRequiredService<IGraphQLTextSerializer>().Deserialize<Inputs>(variables),
    };

    [Fact]
    public async Task Should_refuse_undeclared_variables_so_junk_cannot_crowd_out_the_cache()
    {
        const string query = "query JunkSite { site { name } }";
        var client = factory.CreateClient();
        (await client.PostQueryAsync(query)).AssertData();
        var entries = Cache.Count;

        var refusals = new List<GraphQLResponse>();
        for (var i = 0; i < 40; i++)
        {
            refusals.Add(await client.PostQueryAsync(query, new Dictionary<string, string> { [$"junk{i}"] = new('x', 100_000) }));
        }

        factory.SqlCommands.Reset();
        (await client.PostQueryAsync(query)).AssertData();

        Assert.All(refusals, refusal =>
        {
            Assert.Equal(400, refusal.Status);
            Assert.Equal("VARIABLE_NOT_DECLARED", refusal.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
            Assert.True(refusal.Body.Length < 1000, "the junk is not echoed");
        });
        Assert.Equal(entries, Cache.Count);
        Assert.Equal(0, factory.SqlCommands.Count); // still answered from the cache
    }

    [Fact]
    public async Task Should_not_keep_an_answer_larger_than_one_entry_may_take()
    {
        using var small = factory.WithWebHostBuilder(builder => builder.UseSetting("GraphQL:ResponseCache:MaxEntryBytes", "1024"));
        var client = small.CreateClient();
        const string large = "query LargeAnswer { articles(first: 20) { edges { node { body { html markdown text } } } } }";
        const string tiny = "query TinyAnswer { site { name } }";
        var largeBody = (await client.PostQueryAsync(large)).Body;
        await client.PostQueryAsync(tiny);

        factory.SqlCommands.Reset();
        (await client.PostQueryAsync(large)).AssertData();
        var largeCommands = factory.SqlCommands.Count;
        factory.SqlCommands.Reset();
        (await client.PostQueryAsync(tiny)).AssertData();

        Assert.True(largeBody.Length > 1024);
        Assert.True(largeCommands > 0, "the large answer was computed again");
        Assert.Equal(0, factory.SqlCommands.Count);
    }

    [Fact]
    public async Task Should_compute_an_answer_once_for_readers_who_miss_it_at_the_same_time()
    {
        const string fields = "articles(first: 20) { edges { node { slug title category { name } } } }";
        var client = factory.CreateClient();
        (await client.PostQueryAsync($"query StampedeWarmUp {{ {fields} }}")).AssertData();
        factory.SqlCommands.Reset();
        (await client.PostQueryAsync($"query StampedeAlone {{ {fields} }}")).AssertData();
        var once = factory.SqlCommands.Count;
        factory.SqlCommands.Reset();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => factory.CreateClient().PostQueryAsync($"query Stampede {{ {fields} }}")));

        Assert.All(answers, answer => Assert.Equal(answers[0].Body, answer.Body));
        Assert.True(once > 0);
        Assert.Equal(once, factory.SqlCommands.Count);
    }

    [Fact]
    public async Task Should_never_answer_editors_from_the_cache()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        const string query = "query EditorSite { site { name } }";
        await editor.PostQueryAsync(query);
        factory.SqlCommands.Reset();

        (await editor.PostQueryAsync(query)).AssertData();

        Assert.True(factory.SqlCommands.Count > 0);
    }

    [Fact]
    public async Task Should_not_keep_responses_with_errors()
    {
        var client = factory.CreateClient();
        var before = Cache.Count;

        await client.PostQueryAsync("""{ articles(first: 1, after: "not-a-cursor") { totalCount } }""");

        Assert.Equal(before, Cache.Count);
    }

    [Fact]
    public async Task Should_show_an_update_to_the_next_anonymous_read()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await PublishedAsync(editor, "Cached title", "cached-update");
        await AssertAnonymousTitleAsync("cached-update", "Cached title");

        await ArticleMutations.MutateAsync(editor, "updateArticle", article, new { title = "Fresh title" });

        await AssertAnonymousTitleAsync("cached-update", "Fresh title");
    }

    [Fact]
    public async Task Should_show_publish_unpublish_and_delete_to_the_next_anonymous_read()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await ArticleMutations.CreateAsync(editor, new { title = "Coming and going", slug = "cached-lifecycle", body = "Text." });
        await AssertAnonymousTitleAsync("cached-lifecycle", null);

        article = (await ArticleMutations.MutateAsync(editor, "publishArticle", article))["article"]!;
        await AssertAnonymousTitleAsync("cached-lifecycle", "Coming and going");

        article = (await ArticleMutations.MutateAsync(editor, "unpublishArticle", article))["article"]!;
        await AssertAnonymousTitleAsync("cached-lifecycle", null);

        article = (await ArticleMutations.MutateAsync(editor, "publishArticle", article))["article"]!;
        await AssertAnonymousTitleAsync("cached-lifecycle", "Coming and going");

        await ArticleMutations.MutateAsync(editor, "deleteArticle", article);
        await AssertAnonymousTitleAsync("cached-lifecycle", null);
    }

    [Fact]
    public async Task Should_show_an_import_to_the_next_anonymous_read()
    {
        var client = factory.CreateClient();
        const string query = "query CachedTagline { site { tagline } }";
        var before = (await client.PostQueryAsync(query)).AssertData()["site"]!["tagline"]!.GetValue<string>();
        using var folder = SeedFolder.CopyOfRepositorySeedData();
        folder.Write("site.yaml", folder.Read("site.yaml").Replace(before, "Imported tagline", StringComparison.Ordinal));

        var (_, errors) = await factory.Services.GetRequiredService<SeedRunner>().RunAsync(folder.Path, dryRun: false, force: false, progress: null, CancellationToken.None);

        Assert.Empty(errors);
        Assert.Equal("Imported tagline", (await client.PostQueryAsync(query)).AssertData()["site"]!["tagline"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_tag_a_get_answer_and_answer_a_matching_if_none_match_with_304()
    {
        var client = factory.CreateClient();
        const string url = "/graphql?query=%7B%20site%20%7B%20name%20%7D%20%7D";

        using var first = await client.GetAsync(url);
        var etag = first.Headers.ETag;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag!);
        using var notModified = await client.SendAsync(conditional);
        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var modified = await client.SendAsync(stale);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(etag);
        Assert.Equal("public, max-age=10", first.Headers.CacheControl!.ToString());
        Assert.Contains("Authorization", first.Headers.Vary);
        Assert.Contains("X-Preview-Token", first.Headers.Vary);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await modified.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_mark_editors_and_answers_with_errors_no_store()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var anonymous = factory.CreateClient();

        using var editors = await editor.GetAsync("/graphql?query=%7B%20site%20%7B%20name%20%7D%20%7D");
        using var failed = await anonymous.GetAsync("/graphql?query=%7B%20article%20%7B%20id%20%7D%20%7D");
        using var post = await anonymous.PostAsync("/graphql", new StringContent("""{"query":"{ site { name } }"}""", MediaTypeHeaderValue.Parse("application/json")));

        Assert.True(editors.Headers.CacheControl is { Private: true, NoStore: true, Public: false });
        Assert.NotNull(editors.Headers.ETag);
        Assert.True(failed.Headers.CacheControl is { NoStore: true, Public: false, Private: false });
        Assert.Null(post.Headers.ETag);
        Assert.Null(post.Headers.CacheControl);
    }

    private static async Task<JsonNode> PostOperationAsync(HttpClient client, string query, string operationName, object? variables)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, operationName, variables });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<JsonNode> PublishedAsync(HttpClient editor, string title, string slug)
    {
        var article = await ArticleMutations.CreateAsync(editor, new { title, slug, body = "Text." });
        return (await ArticleMutations.MutateAsync(editor, "publishArticle", article))["article"]!;
    }

    /// <summary>Reads twice, so the second read is answered from the cache when the first was kept.</summary>
    private async Task AssertAnonymousTitleAsync(string slug, string? title)
    {
        var client = factory.CreateClient();
        var query = $$"""query CachedArticle { article(slug: "{{slug}}") { title } }""";
        foreach (var _ in new[] { 1, 2 })
        {
            var article = (await client.PostQueryAsync(query)).AssertData()["article"];
            Assert.Equal(title, article?["title"]!.GetValue<string>());
        }
    }
}
