using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Editing;

/// <summary>Editors create, change and publish articles through mutations; bad input writes nothing and says why.</summary>
public abstract class ArticleEditingTests
{
    private readonly ContentHubFactory _factory;

    private ArticleEditingTests(ContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_create_a_draft_with_a_slug_made_from_the_title()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);

        var article = await CreateAsync(editor, new { title = "Bône Health: 5 Tips!", body = "Eat well.", category = "wellness", tags = new[] { "bones" } });

        Assert.Equal("bone-health-5-tips", article["slug"]!.GetValue<string>());
        Assert.Equal("DRAFT", article["status"]!.GetValue<string>());
        Assert.Equal(1, article["version"]!.GetValue<int>());
        Assert.Equal("wellness", article["category"]!["slug"]!.GetValue<string>());
        Assert.Null(article["publishedAt"]);
        var anonymous = (await _factory.CreateClient().PostQueryAsync("""{ article(slug: "bone-health-5-tips") { id } }""")).AssertData();
        Assert.Null(anonymous["article"]);
    }

    [SkippableFact]
    public async Task Should_change_only_the_given_fields_and_clear_those_given_as_null()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = "Partial", summary = "Teaser", body = "Text.", tags = new[] { "a", "b" } });

        var payload = await MutateAsync(editor, "updateArticle", article, new { title = "Partial, renamed", summary = (string?)null });

        var updated = payload["article"]!;
        Assert.Equal("Partial, renamed", updated["title"]!.GetValue<string>());
        Assert.Null(updated["summary"]);
        Assert.Equal(["a", "b"], updated["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("partial", updated["slug"]!.GetValue<string>());
        Assert.Equal(2, updated["version"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Should_publish_for_everyone_and_unpublish_again()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = "Going live", body = "Now." });

        var published = (await MutateAsync(editor, "publishArticle", article))["article"]!;
        var seen = (await _factory.CreateClient().PostQueryAsync("""{ article(slug: "going-live") { title } }""")).AssertData();
        var unpublished = (await MutateAsync(editor, "unpublishArticle", published))["article"]!;
        var hidden = (await _factory.CreateClient().PostQueryAsync("""{ article(slug: "going-live") { title } }""")).AssertData();

        Assert.Equal("PUBLISHED", published["status"]!.GetValue<string>());
        Assert.NotNull(published["publishedAt"]);
        Assert.Equal("Going live", seen["article"]!["title"]!.GetValue<string>());
        Assert.Equal("DRAFT", unpublished["status"]!.GetValue<string>());
        Assert.Null(hidden["article"]);
    }

    [SkippableFact]
    public async Task Should_refuse_a_stale_version_with_the_current_one_and_overwrite_nothing()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = "Contested", body = "First." });
        await MutateAsync(editor, "updateArticle", article, new { body = "Second." });

        var stale = await MutateAsync(editor, "updateArticle", article, new { body = "Lost?" }, expectErrors: true);

        var error = stale["errors"]!.AsArray().Single()!;
        Assert.Equal("CONFLICT", error["code"]!.GetValue<string>());
        Assert.Equal("version", error["field"]!.GetValue<string>());
        Assert.Equal(2, stale["currentVersion"]!.GetValue<int>());
        Assert.Null(stale["article"]);
        var current = (await editor.PostQueryAsync($$"""{ article(id: "{{article["id"]}}") { version body { markdown } } }""")).AssertData()["article"]!;
        Assert.Equal("Second.", current["body"]!["markdown"]!.GetValue<string>());
        Assert.Equal(2, current["version"]!.GetValue<int>());
    }

    public static TheoryData<string, object, string, string> BadInputs => new()
    {
        { "missing title", new { body = "Text." }, "title", "REQUIRED" },
        { "title too long", new { title = new string('t', 301), body = "Text." }, "title", "TOO_LONG" },
        { "malformed slug", new { title = "Fine", slug = "Not A Slug", body = "Text." }, "slug", "INVALID_SLUG" },
        { "duplicate slug", new { title = "Revision surgery again", slug = "revision-surgery", body = "Text." }, "slug", "DUPLICATE" },
        { "unknown category", new { title = "Lost", category = "no-such-category", body = "Text." }, "category", "NOT_FOUND" },
        { "unknown disclaimer", new { title = "Lost", disclaimers = new[] { "no-such-disclaimer" }, body = "Text." }, "disclaimers", "NOT_FOUND" },
        { "javascript image", new { title = "Image", heroImage = new { url = "javascript:alert(1)", alt = "x" }, body = "Text." }, "heroImage.url", "INVALID_URL" },
        { "ftp link", new { title = "Link", callToAction = new { text = "Go", url = "ftp://example.org/x" }, body = "Text." }, "callToAction.url", "INVALID_URL" },
        { "relative canonical URL", new { title = "Seo", seo = new { canonicalUrl = "/articles/elsewhere" }, body = "Text." }, "seo.canonicalUrl", "INVALID_URL" },
        { "javascript canonical URL", new { title = "Seo", seo = new { canonicalUrl = "javascript:alert(1)" }, body = "Text." }, "seo.canonicalUrl", "INVALID_URL" },
        { "misspelt robots directive", new { title = "Seo", seo = new { robots = "noindx, follow" }, body = "Text." }, "seo.robots", "INVALID_VALUE" },
        { "link preview image without alt text", new { title = "Seo", seo = new { image = new { url = "/media/x.jpg", alt = " " } }, body = "Text." }, "seo.image.alt", "REQUIRED" },
        { "body over the limit", new { title = "Long", body = new string('x', 200_001) }, "body", "TOO_LONG" },
        { "missing body", new { title = "Empty" }, "body", "REQUIRED" },
    };

    [SkippableTheory]
    [MemberData(nameof(BadInputs))]
    public async Task Should_refuse_bad_input_with_a_typed_error_and_write_nothing(string because, object input, string field, string code)
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        await using var before = _factory.CreateDbContext();
        var articles = before.Articles.Count();
        var revisions = before.Revisions.Count();

        var payload = (await editor.PostQueryAsync(
            $"mutation($input: ArticleInput!) {{ createArticle(input: $input) {{ article {{ id }} errors {{ field code message }} }} }}",
            new { input })).AssertData()["createArticle"]!;

        Assert.Null(payload["article"]);
        Assert.Contains(payload["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == field && e["code"]!.GetValue<string>() == code);
        await using var after = _factory.CreateDbContext();
        Assert.True(articles == after.Articles.Count(), because);
        Assert.Equal(revisions, after.Revisions.Count());
    }

    [SkippableFact]
    public async Task Should_keep_the_search_engine_and_link_preview_fields_an_editor_gives()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var seo = new
        {
            title = "Revision surgery explained",
            description = "What it is and when it helps.",
            canonicalUrl = "https://partner.example.com/revision",
            robots = "noindex, max-image-preview:large",
            image = new { url = "/media/revision-card.jpg", alt = "A surgeon explains" },
        };
        var article = await CreateAsync(editor, new { title = "Seo fields", body = "Text.", seo });

        var read = (await editor.PostQueryAsync($$"""
            { article(id: "{{article["id"]}}") { seo { title description canonicalUrl robots image { url alt } } } }
            """)).AssertData()["article"]!["seo"]!;

        Assert.Equal(System.Text.Json.JsonSerializer.SerializeToNode(seo)!.ToJsonString(), read.ToJsonString());
    }

    [SkippableFact]
    public async Task Should_keep_every_change_as_a_revision_and_restore_an_old_one_as_a_new_revision()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor, "Rita Reviser");
        var article = await CreateAsync(editor, new { title = "History", body = "Version one." });
        article = (await MutateAsync(editor, "updateArticle", article, new { body = "Version two.", tags = new[] { "x" } }))["article"]!;
        article = (await MutateAsync(editor, "publishArticle", article))["article"]!;

        var restored = (await MutateAsync(editor, "restoreArticleRevision", article, extra: "revision: 1"))["article"]!;
        var revisions = (await editor.PostQueryAsync($$"""
            { articleRevisions(id: "{{article["id"]}}") { version actor operation changedFields snapshot } }
            """)).AssertData()["articleRevisions"]!.AsArray();

        Assert.Equal(4, restored["version"]!.GetValue<int>());
        Assert.Equal("PUBLISHED", restored["status"]!.GetValue<string>());
        Assert.Empty(restored["tags"]!.AsArray());
        Assert.Equal([4, 3, 2, 1], revisions.Select(r => r!["version"]!.GetValue<int>()));
        Assert.Equal(["restoreRevision", "publish", "update", "create"], revisions.Select(r => r!["operation"]!.GetValue<string>()));
        Assert.All(revisions, r => Assert.Equal("Rita Reviser", r!["actor"]!.GetValue<string>()));
        Assert.Equal(["tags", "body"], revisions[2]!["changedFields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(["status", "publishedAt"], revisions[1]!["changedFields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("Version one.", JsonNode.Parse(revisions[0]!["snapshot"]!.GetValue<string>())!["body"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Should_move_to_the_trash_hide_from_editors_and_restore_as_a_draft()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = "Binned", body = "Bye." });
        article = (await MutateAsync(editor, "publishArticle", article))["article"]!;

        var trashed = (await MutateAsync(editor, "deleteArticle", article))["article"]!;
        var whileTrashed = (await editor.PostQueryAsync("""{ article(slug: "binned") { id } }""")).AssertData();
        var update = await MutateAsync(editor, "updateArticle", trashed, new { title = "Edited in the bin" }, expectErrors: true);
        var restored = (await MutateAsync(editor, "restoreArticle", trashed))["article"]!;

        Assert.Equal("TRASHED", trashed["status"]!.GetValue<string>());
        Assert.Null(whileTrashed["article"]);
        Assert.Equal("INVALID_STATE", update["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("DRAFT", restored["status"]!.GetValue<string>());
        Assert.Equal("Binned", restored["title"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Should_refuse_to_publish_what_is_already_published()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = "Twice", body = "Once." });
        article = (await MutateAsync(editor, "publishArticle", article))["article"]!;

        var again = await MutateAsync(editor, "publishArticle", article, expectErrors: true);

        Assert.Equal("INVALID_STATE", again["errors"]![0]!["code"]!.GetValue<string>());
    }

    public sealed class OnSqlite(ContentHubFactory factory) : ArticleEditingTests(factory), IClassFixture<ContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlContentHubFactory factory) : ArticleEditingTests(factory), IClassFixture<PostgreSqlContentHubFactory>;
}
