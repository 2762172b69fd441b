using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.GraphQL.Caching;
using ContentHub.Server.Seeding;
using ContentHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Tests.Http;

/// <summary>
/// Precise invalidation proven against a node without a cache: for every kind of write, every kind of query warmed
/// on the caching node before the write answers after it exactly as the uncached node on the same database does.
/// </summary>
public sealed class ResponseCacheInvalidationTests(ResponseCacheInvalidationTests.Nodes nodes) : IClassFixture<ResponseCacheInvalidationTests.Nodes>
{
    private static readonly Dictionary<string, (Func<Scene, Task>? Prepare, Func<Scene, Task> Write)> s_writes = new()
    {
        ["create a draft article"] = (null, s => s.CreateArticleAsync($"{s.Name}-second-draft", publish: false)),
        ["update an article's title"] = (null, s => s.UpdateAsync("Article", s.Article, new { title = "A new title" })),
        ["update an article's summary"] = (null, s => s.UpdateAsync("Article", s.Article, new { summary = "A new summary." })),
        ["update an article's body"] = (null, s => s.UpdateAsync("Article", s.Article, new { body = "Words no search here asks for." })),
        ["update an article's tags"] = (null, s => s.UpdateAsync("Article", s.Article, new { tags = new[] { "elsewhere" } })),
        ["update an article's seo"] = (null, s => s.UpdateAsync("Article", s.Article, new { seo = new { title = "Search title" } })),
        ["attach a disclaimer to an article"] = (null, s => s.UpdateAsync("Article", s.Article, new { disclaimers = new[] { s.Name } })),
        ["move an article to another category"] = (null, s => s.UpdateAsync("Article", s.Article, new { category = $"{s.Name}-other" })),
        ["change an article's slug"] = (null, s => s.UpdateAsync("Article", s.Article, new { slug = $"{s.Name}-moved" })),
        ["publish a draft article"] = (null, s => s.RunAsync("Article", "publishArticle", s.Draft)),
        ["publish articles in bulk"] = (null, s => s.PublishAllAsync()),
        ["unpublish an article"] = (null, s => s.RunAsync("Article", "unpublishArticle", s.Article)),
        ["archive an article"] = (null, s => s.RunAsync("Article", "archiveArticle", s.Article)),
        ["trash an article"] = (null, s => s.RunAsync("Article", "deleteArticle", s.Article)),
        ["restore an article from the trash"] = (s => s.RunAsync("Article", "deleteArticle", s.Article), s => s.RunAsync("Article", "restoreArticle", s.Article)),
        ["purge an article"] = (s => s.RunAsync("Article", "deleteArticle", s.Article), s => s.RunAsync("Article", "purgeArticle", s.Article, admin: true)),
        ["restore an article's revision"] = (
            s => s.UpdateAsync("Article", s.Article, new { title = "A later title" }),
            s => s.RunAsync("Article", "restoreArticleRevision", s.Article, extra: "revision: 1")),
        ["update a draft article"] = (null, s => s.UpdateAsync("Article", s.Draft, new { title = "A draft's new title", tags = new[] { "elsewhere" } })),
        ["schedule a draft article"] = (null, s => s.RunAsync("Article", "scheduleArticle", s.Draft, extra: "publishAt: \"2100-01-01T00:00:00Z\"")),
        ["rename a category"] = (null, s => s.UpdateAsync("Category", s.Category, new { name = "A new name" })),
        ["attach a disclaimer to a category"] = (null, s => s.UpdateAsync("Category", s.Category, new { disclaimers = new[] { s.Name } })),
        ["attach a disclaimer to a draft category"] = (
            s => s.RunAsync("Category", "unpublishCategory", s.Category),
            s => s.UpdateAsync("Category", s.Category, new { disclaimers = new[] { s.Name } })),
        ["move a category under another"] = (null, s => s.UpdateAsync("Category", s.Category, new { parent = $"{s.Name}-other" })),
        ["unpublish a category"] = (null, s => s.RunAsync("Category", "unpublishCategory", s.Category)),
        ["change a category's slug"] = (null, s => s.UpdateAsync("Category", s.Category, new { slug = $"{s.Name}-renamed" })),
        ["make a disclaimer site-wide"] = (null, s => s.UpdateAsync("Disclaimer", s.Disclaimer, new { siteWide = true })),
        ["unpublish a disclaimer an article carries"] = (
            s => s.UpdateAsync("Article", s.Article, new { disclaimers = new[] { s.Name } }),
            s => s.RunAsync("Disclaimer", "unpublishDisclaimer", s.Disclaimer)),
        ["close a fact's active window"] = (null, s => s.UpdateAsync("Fact", s.Fact, new { activeUntil = "2000-01-01T00:00:00Z" })),
        ["open a fact's active window"] = (
            s => s.UpdateAsync("Fact", s.Fact, new { activeFrom = "2100-01-01T00:00:00Z" }),
            s => s.UpdateAsync("Fact", s.Fact, new { activeFrom = (string?)null })),
        ["update a promotion"] = (null, s => s.UpdateAsync("Promotion", s.Promotion, new { heading = "A new heading" })),
        ["import seed files"] = (null, s => s.ImportAsync()),
        ["create a draft with a purged article's slug"] = (
            async s =>
            {
                await s.RunAsync("Article", "deleteArticle", s.Article);
                await s.RunAsync("Article", "purgeArticle", s.Article, admin: true);
            },
            s => s.CreateArticleAsync($"{s.Name}-article", publish: false)),
    };

    /// <summary>The article page of the soak test.</summary>
    private static string PageQuery(string slug) =>
        $$"""{ article(slug: "{{slug}}") { title body { html } category { name } disclaimers { key } } randomFact { text } }""";

    public static TheoryData<string> Writes => [.. s_writes.Keys];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Should_answer_every_query_after_a_write_as_an_uncached_node_does(string write)
    {
        var index = s_writes.Keys.ToList().IndexOf(write);
        var scene = await Scene.CreateAsync(nodes, $"inv{index}");
        var (prepare, change) = s_writes[write];
        if (prepare is not null)
        {
            await prepare(scene);
        }

        var anonymous = nodes.Cached.CreateClient();
        foreach (var query in scene.Queries())
        {
            (await anonymous.PostQueryAsync(query)).AssertData();
        }

        await change(scene);

        var uncached = nodes.Uncached.CreateClient();
        foreach (var query in scene.Queries())
        {
            var expected = await uncached.PostQueryAsync(query);
            var actual = await anonymous.PostQueryAsync(query);
            Assert.True(expected.Body == actual.Body, $"After '{write}', {query}\nwas answered\n{actual.Body}\ninstead of\n{expected.Body}");
        }
    }

    [Fact]
    public async Task Should_keep_another_articles_page_cached_when_an_article_is_written()
    {
        var scene = await Scene.CreateAsync(nodes, "keep-page");
        var anonymous = nodes.Cached.CreateClient();
        var page = PageQuery("keep-page-sibling");
        var before = await anonymous.PostQueryAsync(page);

        await scene.UpdateAsync("Article", scene.Article, new { summary = "Written meanwhile." });
        await scene.RunAsync("Article", "publishArticle", scene.Draft);
        nodes.Cached.SqlCommands.Reset();
        var after = await anonymous.PostQueryAsync(page);

        before.AssertData();
        Assert.Equal(before.Body, after.Body);
        Assert.Equal(0, nodes.Cached.SqlCommands.Count);
    }

    [Fact]
    public async Task Should_keep_every_answer_cached_when_only_a_draft_is_written()
    {
        var scene = await Scene.CreateAsync(nodes, "keep-all");
        var anonymous = nodes.Cached.CreateClient();
        foreach (var query in scene.Queries())
        {
            (await anonymous.PostQueryAsync(query)).AssertData();
        }

        await scene.UpdateAsync("Article", scene.Draft, new { title = "Still a draft", tags = new[] { "keep-all", "more" } });

        foreach (var query in scene.Queries())
        {
            nodes.Cached.SqlCommands.Reset();
            (await anonymous.PostQueryAsync(query)).AssertData();
            Assert.True(nodes.Cached.SqlCommands.Count == 0, $"{query} was computed again");
        }
    }

    [Fact]
    public async Task Should_name_what_a_get_answer_read_in_its_surrogate_key_header_with_or_without_a_response_cache()
    {
        var scene = await Scene.CreateAsync(nodes, "header");
        await scene.UpdateAsync("Article", scene.Article, new { disclaimers = new[] { "header" } });
        var anonymous = nodes.Cached.CreateClient();
        var page = "/graphql?query=" + Uri.EscapeDataString("{ article(slug: \"header-article\") { title category { name } disclaimers { key } } }");
        var list = "/graphql?query=" + Uri.EscapeDataString("{ articles(first: 5, filter: { tag: \"header\" }) { items { slug } } }");

        using var computed = await anonymous.GetAsync(page);
        using var cached = await anonymous.GetAsync(page);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, page);
        conditional.Headers.IfNoneMatch.Add(computed.Headers.ETag!);
        using var notModified = await anonymous.SendAsync(conditional);
        using var listed = await anonymous.GetAsync(list);
        using var editors = await (await nodes.Cached.CreateClientAsync(ApiKeyRole.Editor)).GetAsync(page);
        using var uncached = await nodes.Uncached.CreateClient().GetAsync(page);

        var keys = SurrogateKeys(computed);
        Assert.Contains($"article:{scene.Article["id"]}", keys);
        Assert.Contains($"category:{scene.Category["id"]}", keys);
        Assert.Contains($"disclaimer:{scene.Disclaimer["id"]}", keys);
        Assert.Contains("disclaimers", keys); // the article's list of them
        Assert.DoesNotContain("articles", keys); // looked up by its slug: other articles do not matter
        Assert.Equal(keys, SurrogateKeys(cached));
        Assert.Equal(System.Net.HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(keys, SurrogateKeys(notModified));
        Assert.Equal(keys, SurrogateKeys(uncached));
        Assert.Contains("articles", SurrogateKeys(listed));
        Assert.Contains($"article:{scene.Article["id"]}", SurrogateKeys(listed));
        Assert.False(editors.Headers.Contains("Surrogate-Key"));
    }

    [Fact]
    public async Task Should_count_hits_misses_and_stale_answers()
    {
        var scene = await Scene.CreateAsync(nodes, "metrics");
        var meters = nodes.Cached.Services.GetRequiredService<IMeterFactory>();
        var counted = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Meter.Name == ResponseCacheMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (counted)
            {
                counted[instrument.Name] = counted.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.Start();
        var anonymous = nodes.Cached.CreateClient();
        const string query = "query Counted { article(slug: \"metrics-article\") { title } }";

        await anonymous.PostQueryAsync(query);
        await anonymous.PostQueryAsync(query);
        await scene.UpdateAsync("Article", scene.Article, new { title = "Counted again" });
        await anonymous.PostQueryAsync(query);

        Assert.Equal(1, counted.GetValueOrDefault(ResponseCacheMetrics.MissesName));
        Assert.Equal(1, counted.GetValueOrDefault(ResponseCacheMetrics.HitsName));
        Assert.Equal(1, counted.GetValueOrDefault(ResponseCacheMetrics.StaleName));
    }

    private static string[] SurrogateKeys(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Surrogate-Key", out var values) ? values.Single().Split(' ') : [];

    /// <summary>Two nodes on one database: one keeps anonymous answers, the other computes each one.</summary>
    public sealed class Nodes : IDisposable
    {
        public Nodes()
        {
            _ = Cached.Services; // the first node creates and seeds the database
            // The oracle reads everything from the database: it is not told of the writes made through the other node.
            Uncached = new CustomContentHubFactory(Cached, ("GraphQL:ResponseCache:Enabled", "false"), ("ReferenceData:MaxAgeSeconds", "0"));
        }

        public ContentHubFactory Cached { get; } = new();

        public CustomContentHubFactory Uncached { get; }

        public void Dispose()
        {
            Uncached.Dispose();
            Cached.Dispose();
        }
    }

    /// <summary>
    /// The items one write works on, named after it: a published article in a category under a parent, a published
    /// sibling sharing its tag, a draft, another category, a disclaimer, a fact and a promotion.
    /// </summary>
    private sealed class Scene(Nodes nodes, string name, HttpClient editor)
    {
        public string Name => name;

        public JsonNode Category { get; private set; } = null!;

        public JsonNode Article { get; private set; } = null!;

        public JsonNode Draft { get; private set; } = null!;

        public JsonNode Disclaimer { get; private set; } = null!;

        public JsonNode Fact { get; private set; } = null!;

        public JsonNode Promotion { get; private set; } = null!;

        private string Word => name + "word";

        public static async Task<Scene> CreateAsync(Nodes nodes, string name)
        {
            var scene = new Scene(nodes, name, await nodes.Cached.CreateClientAsync(ApiKeyRole.Editor));
            await scene.SetUpAsync();
            return scene;
        }

        /// <summary>Every kind of query, about this scene's items.</summary>
        public IEnumerable<string> Queries()
        {
            var n = name;
            yield return $$"""{ article(slug: "{{n}}-article") { id slug title summary tags body { html } seo { title } category { slug name } disclaimers { key title } expired } }""";
            yield return $$"""{ article(id: "{{Article["id"]}}") { slug title status } }""";
            yield return $$"""{ article(slug: "{{n}}-moved") { slug title } draft: article(slug: "{{n}}-draft") { slug } }""";
            yield return $$"""{ article(slug: "{{n}}-sibling") { related(first: 5) { slug title } } }""";
            yield return """{ articles(first: 20) { totalCount items { slug title summary category { slug } } } }""";
            yield return """{ articles(first: 20, sort: TITLE) { items { slug } } }""";
            yield return $$"""{ articles(first: 20, filter: { category: "{{n}}-parent" }) { totalCount items { slug title } } }""";
            yield return $$"""{ articles(first: 20, filter: { tag: "{{n}}" }) { totalCount items { slug } } }""";
            yield return $$"""{ articles(first: 20, filter: { search: "{{n}}" }) { totalCount items { slug } } }""";
            yield return $$"""{ searchArticles(query: "{{Word}}", first: 10) { totalCount edges { score snippet node { slug title } } } }""";
            yield return $$"""{ category(slug: "{{n}}-category") { name parent { slug } children { slug } articles(first: 10) { slug } } }""";
            yield return """{ categories { slug name children { slug name articles(first: 3) { slug } } } }""";
            yield return """{ site { name tagline } disclaimers { key title } promotions { key heading } }""";
            yield return $$"""{ facts(tag: "{{n}}") { key text } randomFact(tag: "{{n}}") { key } all: facts { key } }""";
            yield return $$"""{ resolveArticleSlug(slug: "{{n}}-article") { status slug article { slug } } moved: resolveArticleSlug(slug: "{{n}}-moved") { status slug } }""";
            yield return $$"""{ resolveCategorySlug(slug: "{{n}}-category") { status slug category { slug } } renamed: resolveCategorySlug(slug: "{{n}}-renamed") { status } }""";
        }

        public async Task CreateArticleAsync(string slug, bool publish)
        {
            var input = new { title = $"Scene {name} {slug}", slug, summary = $"About {name}.", body = $"Text with {Word} in it.", category = $"{name}-category", tags = new[] { name } };
            var created = await ArticleMutations.CreateAsync(editor, input);
            var item = publish ? await RunAsync("Article", "publishArticle", created) : created;
            if (slug == $"{name}-article")
            {
                Article = item;
            }
            else if (slug == $"{name}-draft")
            {
                Draft = item;
            }
        }

        public async Task<JsonNode> UpdateAsync(string typeName, JsonNode item, object input) =>
            await RunAsync(typeName, "update" + typeName, item, input);

        /// <summary>Runs <paramref name="mutation"/> on <paramref name="item"/> and keeps its new version in the scene.</summary>
        public async Task<JsonNode> RunAsync(string typeName, string mutation, JsonNode item, object? input = null, string? extra = null, bool admin = false)
        {
            var client = admin ? await nodes.Cached.CreateClientAsync(ApiKeyRole.Admin, "Test Admin") : editor;
            var payload = await ContentMutations.MutateAsync(client, typeName, mutation, item, input, extra);
            Assert.True(payload["errors"]!.AsArray().Count == 0, $"{mutation} refused: {payload["errors"]!.ToJsonString()}");
            var changed = payload[char.ToLowerInvariant(typeName[0]) + typeName[1..]] ?? item;
            item["version"] = changed["version"]!.GetValue<int>();
            return item;
        }

        public async Task PublishAllAsync()
        {
            var payload = (await editor.PostQueryAsync(
                "mutation($items: [ItemVersionInput!]!) { publishArticles(items: $items) { errors { code message } } }",
                new { items = new[] { new { id = Draft["id"]!.GetValue<string>(), version = Draft["version"]!.GetValue<int>() } } })).AssertData();
            Assert.Empty(payload["publishArticles"]!["errors"]!.AsArray());
        }

        public async Task ImportAsync()
        {
            using var folder = SeedFolder.CopyOfRepositorySeedData();
            folder.Write("site.yaml", folder.Read("site.yaml").Replace("tagline:", "tagline: Imported. #", StringComparison.Ordinal));
            folder.Write("articles/revision-surgery.md", folder.Read("articles/revision-surgery.md").Replace("title: Revision Surgery", "title: Revision Surgery Imported", StringComparison.Ordinal));
            var (_, errors) = await nodes.Cached.Services.GetRequiredService<SeedRunner>().RunAsync(folder.Path, dryRun: false, force: true, progress: null, CancellationToken.None);
            Assert.Empty(errors);
        }

        private async Task SetUpAsync()
        {
            Disclaimer = await ContentMutations.CreatePublishedAsync(editor, "Disclaimer", new { key = name, title = $"Disclaimer {name}", body = "Small print." });
            await ContentMutations.CreatePublishedAsync(editor, "Category", new { slug = $"{name}-parent", name = $"Parent {name}" });
            await ContentMutations.CreatePublishedAsync(editor, "Category", new { slug = $"{name}-other", name = $"Other {name}" });
            Category = await ContentMutations.CreatePublishedAsync(editor, "Category", new { slug = $"{name}-category", name = $"Category {name}", parent = $"{name}-parent" });
            await CreateArticleAsync($"{name}-article", publish: true);
            await CreateArticleAsync($"{name}-sibling", publish: true);
            await CreateArticleAsync($"{name}-draft", publish: false);
            Fact = await ContentMutations.CreatePublishedAsync(editor, "Fact", new { key = name, text = $"Fact {name}.", tags = new[] { name } });
            Promotion = await ContentMutations.CreatePublishedAsync(editor, "Promotion", new { key = name, heading = $"Promotion {name}" });
        }
    }
}
