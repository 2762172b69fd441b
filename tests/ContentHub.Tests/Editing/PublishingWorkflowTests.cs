using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Editing;

/// <summary>Publishing several items at once, slug history for front ends' URLs, and the admins' audit log.</summary>
public abstract class PublishingWorkflowTests
{
    private const string BulkPublish =
        "mutation($items: [ItemVersionInput!]!) { publishArticles(items: $items) { articles { slug status version } errors { field code } } }";

    private readonly ContentHubFactory _factory;

    private PublishingWorkflowTests(ContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_publish_several_articles_in_one_mutation()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var first = await CreateAsync(editor, new { title = "Bulk one", body = "1" });
        var second = await CreateAsync(editor, new { title = "Bulk two", body = "2" });

        var payload = (await editor.PostQueryAsync(BulkPublish, new { items = new[] { Target(first), Target(second) } })).AssertData()["publishArticles"]!;

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.All(payload["articles"]!.AsArray(), a => Assert.Equal("PUBLISHED", a!["status"]!.GetValue<string>()));
        Assert.NotNull(await AnonymousArticleAsync("bulk-one"));
        Assert.NotNull(await AnonymousArticleAsync("bulk-two"));
    }

    [SkippableFact]
    public async Task Should_publish_none_when_one_of_them_is_refused()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var good = await CreateAsync(editor, new { title = "Bulk good", body = "1" });
        var stale = await CreateAsync(editor, new { title = "Bulk stale", body = "2" });
        await MutateAsync(editor, "updateArticle", stale, new { body = "changed" });

        var payload = (await editor.PostQueryAsync(BulkPublish, new { items = new[] { Target(good), Target(stale) } })).AssertData()["publishArticles"]!;

        var error = payload["errors"]!.AsArray().Single()!;
        Assert.Equal(("items[1].version", "CONFLICT"), (error["field"]!.GetValue<string>(), error["code"]!.GetValue<string>()));
        Assert.Empty(payload["articles"]!.AsArray());
        Assert.Null(await AnonymousArticleAsync("bulk-good"));
    }

    [SkippableFact]
    public async Task Should_keep_an_old_slug_of_a_published_article_leading_to_its_new_one()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = "Old name", body = "Text." });
        article = (await MutateAsync(editor, "publishArticle", article))["article"]!;
        await MutateAsync(editor, "updateArticle", article, new { slug = "new-name" });

        var byOldSlug = await AnonymousArticleAsync("old-name");
        var old = await ResolveAsync("old-name");
        var current = await ResolveAsync("new-name");

        Assert.Equal("new-name", byOldSlug!["slug"]!.GetValue<string>());
        Assert.Equal(("REDIRECT", "new-name"), (old["status"]!.GetValue<string>(), old["slug"]!.GetValue<string>()));
        Assert.Equal(article["id"]!.GetValue<string>(), old["article"]!["id"]!.GetValue<string>());
        Assert.Equal(("CURRENT", "new-name"), (current["status"]!.GetValue<string>(), current["slug"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Should_lead_each_old_slug_to_its_own_article()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        foreach (var name in new[] { "first", "second" })
        {
            var article = await CreateAsync(editor, new { title = $"Moved {name}", body = "Text." });
            article = (await MutateAsync(editor, "publishArticle", article))["article"]!;
            await MutateAsync(editor, "updateArticle", article, new { slug = $"moved-{name}-now" });
        }

        // The same lookup twice: one compiled query, whose slug must be each request's own.
        Assert.Equal("moved-first-now", (await AnonymousArticleAsync("moved-first"))?["slug"]?.GetValue<string>());
        Assert.Equal("moved-second-now", (await AnonymousArticleAsync("moved-second"))?["slug"]?.GetValue<string>());
    }

    [SkippableFact]
    public async Task Should_tell_gone_from_never_existed_and_hide_drafts_from_anonymous_callers()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var archived = await CreateAsync(editor, new { title = "Withdrawn advice", body = "Old." });
        archived = (await MutateAsync(editor, "publishArticle", archived))["article"]!;
        await MutateAsync(editor, "archiveArticle", archived);
        await CreateAsync(editor, new { title = "Secret draft", body = "Soon." });

        Assert.Equal("GONE", (await ResolveAsync("withdrawn-advice"))["status"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", (await ResolveAsync("secret-draft"))["status"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", (await ResolveAsync("never-was"))["status"]!.GetValue<string>());
        var asEditor = (await editor.PostQueryAsync("""{ resolveArticleSlug(slug: "secret-draft") { status } }""")).AssertData();
        Assert.Equal("CURRENT", asEditor["resolveArticleSlug"]!["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Should_answer_not_found_for_slugs_readers_never_saw_even_once_archived_or_deleted()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        await MutateAsync(editor, "archiveArticle", await CreateAsync(editor, new { title = "Never shown", body = "Text." }));
        await MutateAsync(editor, "deleteArticle", await CreateAsync(editor, new { title = "Never kept", body = "Text." }));
        var pulled = (await MutateAsync(editor, "publishArticle", await CreateAsync(editor, new { title = "Pulled back", body = "Text." })))["article"]!;
        await MutateAsync(editor, "unpublishArticle", pulled);
        var renamed = (await MutateAsync(editor, "updateArticle", await CreateAsync(editor, new { title = "Draft name", body = "Text." }), new { slug = "final-name" }))["article"]!;
        await MutateAsync(editor, "archiveArticle", renamed);
        var withdrawn = (await MutateAsync(editor, "publishArticle", await CreateAsync(editor, new { title = "Public name", body = "Text." })))["article"]!;
        withdrawn = (await MutateAsync(editor, "updateArticle", withdrawn, new { slug = "later-name" }))["article"]!;
        await MutateAsync(editor, "archiveArticle", withdrawn);

        Assert.Equal("NOT_FOUND", (await ResolveAsync("never-shown"))["status"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", (await ResolveAsync("never-kept"))["status"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", (await ResolveAsync("pulled-back"))["status"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", (await ResolveAsync("draft-name"))["status"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", (await ResolveAsync("final-name"))["status"]!.GetValue<string>());
        Assert.Equal("GONE", (await ResolveAsync("public-name"))["status"]!.GetValue<string>());
        Assert.Equal("GONE", (await ResolveAsync("later-name"))["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Should_answer_gone_for_a_purged_article_and_free_its_slug()
    {
        var admin = await _factory.CreateClientAsync(ApiKeyRole.Admin, "Purging Admin");
        var article = await CreateAsync(admin, new { title = "Purged piece", body = "Bye." });
        article = (await MutateAsync(admin, "publishArticle", article))["article"]!;
        article = (await MutateAsync(admin, "deleteArticle", article))["article"]!;
        await MutateAsync(admin, "purgeArticle", article);

        Assert.Equal("GONE", (await ResolveAsync("purged-piece"))["status"]!.GetValue<string>());
        var reused = await CreateAsync(admin, new { title = "Purged piece", body = "Hello again." });
        Assert.Equal("purged-piece", reused["slug"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Should_answer_each_slug_anew_once_a_write_changes_what_it_stands_for()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = (await MutateAsync(editor, "publishArticle", await CreateAsync(editor, new { title = "First title", body = "Text." })))["article"]!;
        var current = await WhereSlugLeadsAsync("first-title");
        var unknown = await WhereSlugLeadsAsync("coming-soon");
        article = (await MutateAsync(editor, "updateArticle", article, new { slug = "second-title" }))["article"]!;
        var renamed = (await WhereSlugLeadsAsync("first-title"), await WhereSlugLeadsAsync("second-title"));

        // Each answer was kept by the response cache, and shows no article whose change would clear it: the slug's
        // own resolution must say what it read.
        article = (await MutateAsync(editor, "updateArticle", article, new { slug = "third-title" }))["article"]!;
        var redirectedAgain = await WhereSlugLeadsAsync("first-title");
        await MutateAsync(editor, "archiveArticle", article);
        var withdrawn = (await WhereSlugLeadsAsync("first-title"), await WhereSlugLeadsAsync("third-title"));
        await MutateAsync(editor, "publishArticle", await CreateAsync(editor, new { title = "Coming soon", body = "Now." }));
        var created = await WhereSlugLeadsAsync("coming-soon");

        Assert.Equal(("CURRENT", "first-title"), (current["status"]!.GetValue<string>(), current["slug"]!.GetValue<string>()));
        Assert.Equal("NOT_FOUND", unknown["status"]!.GetValue<string>());
        Assert.Equal(("REDIRECT", "CURRENT"), (renamed.Item1["status"]!.GetValue<string>(), renamed.Item2["status"]!.GetValue<string>()));
        Assert.Equal(("REDIRECT", "third-title"), (redirectedAgain["status"]!.GetValue<string>(), redirectedAgain["slug"]!.GetValue<string>()));
        Assert.Equal("CURRENT", created["status"]!.GetValue<string>());
        Assert.Equal(("GONE", "GONE"), (withdrawn.Item1["status"]!.GetValue<string>(), withdrawn.Item2["status"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Should_record_every_attempt_in_the_audit_log_for_admins_only()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor, "Audited Editor");
        var admin = await _factory.CreateClientAsync(ApiKeyRole.Admin, "Auditing Admin");
        var article = await CreateAsync(editor, new { title = "Audited", body = "Text." });
        await MutateAsync(editor, "updateArticle", article, new { body = "Changed." });
        await MutateAsync(editor, "updateArticle", article, new { body = "Stale." }, expectErrors: true);

        var log = (await admin.PostQueryAsync(
            $$"""{ auditLog(actor: "Audited Editor", targetType: "Article", targetId: "{{article["id"]}}") { actor operation targetType targetId outcome at } }""")).AssertData();
        var editorTry = await editor.PostQueryAsync("{ auditLog { id } }");
        var anonymousTry = await _factory.CreateClient().PostQueryAsync("{ auditLog { id } }");

        var outcomes = log["auditLog"]!.AsArray().Select(e => (e!["operation"]!.GetValue<string>(), e["outcome"]!.GetValue<string>())).ToList();
        Assert.Equal([("updateArticle", "CONFLICT"), ("updateArticle", "SUCCEEDED"), ("createArticle", "SUCCEEDED")], outcomes);
        Assert.Equal("FORBIDDEN", editorTry.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("UNAUTHENTICATED", anonymousTry.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    private static object Target(JsonNode article) =>
        new { id = article["id"]!.GetValue<string>(), version = article["version"]!.GetValue<int>() };

    private async Task<JsonNode?> AnonymousArticleAsync(string slug) =>
        (await _factory.CreateClient().PostQueryAsync($$"""{ article(slug: "{{slug}}") { id slug } }""")).AssertData()["article"];

    /// <summary>What a front end routing a URL asks: where the slug leads, not the article.</summary>
    private async Task<JsonNode> WhereSlugLeadsAsync(string slug) =>
        (await _factory.CreateClient().PostQueryAsync($$"""{ resolveArticleSlug(slug: "{{slug}}") { status slug } }""")).AssertData()["resolveArticleSlug"]!;

    private async Task<JsonNode> ResolveAsync(string slug) =>
        (await _factory.CreateClient().PostQueryAsync($$"""{ resolveArticleSlug(slug: "{{slug}}") { status slug article { id } } }""")).AssertData()["resolveArticleSlug"]!;

    public sealed class OnSqlite(ContentHubFactory factory) : PublishingWorkflowTests(factory), IClassFixture<ContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlContentHubFactory factory) : PublishingWorkflowTests(factory), IClassFixture<PostgreSqlContentHubFactory>;
}
