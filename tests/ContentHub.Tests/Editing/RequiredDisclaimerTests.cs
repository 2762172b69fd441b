using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Editing;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Editing;

/// <summary>
/// A category that requires a disclaimer keeps articles without it from going live (one at a time, in bulk, or on
/// schedule), and published articles from losing it: by a disclaimer withdrawn, renamed or made local, a category
/// detaching or newly requiring it, or a category moved under one that requires it.
/// </summary>
public abstract class RequiredDisclaimerTests
{
    private readonly FakeClockContentHubFactory _factory;

    private RequiredDisclaimerTests(FakeClockContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_refuse_to_publish_an_article_lacking_a_disclaimer_a_category_above_it_requires()
    {
        var (editor, article) = await DraftInRequiringCategoryAsync("knee-surgery", attachToCategory: false);
        var uncategorised = await CreateAsync(editor, new { title = "Knee exercises", body = "Bend." });

        var single = await MutateAsync(editor, "publishArticle", article, expectErrors: true);
        var bulk = (await editor.PostQueryAsync(
            "mutation($items: [ItemVersionInput!]!) { publishArticles(items: $items) { articles { slug } errors { field code } } }",
            new { items = new[] { uncategorised, article }.Select(a => new { id = a["id"]!.GetValue<string>(), version = a["version"]!.GetValue<int>() }) }))
            .AssertData()["publishArticles"]!;

        var error = single["errors"]!.AsArray().Single()!;
        Assert.Equal(("disclaimers", "DISCLAIMER_REQUIRED"), (error["field"]!.GetValue<string>(), error["code"]!.GetValue<string>()));
        Assert.Contains("'knee-surgery-risks'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("'knee-surgery-parent'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("items[1].disclaimers", bulk["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Null(await AnonymousSlugAsync("knee-surgery-article"));
        Assert.Null(await AnonymousSlugAsync("knee-exercises"));
    }

    [SkippableFact]
    public async Task Should_read_the_disclaimer_rules_once_when_publishing_articles_in_bulk()
    {
        var (editor, first) = await DraftInRequiringCategoryAsync("wrist-surgery", attachToCategory: true);
        var others = new List<JsonNode>();
        for (var index = 0; index < 4; index++)
        {
            others.Add(await CreateAsync(editor, new { title = $"wrist-surgery article {index}", body = "Text.", category = "wrist-surgery" }));
        }

        _factory.SqlCommands.Reset();
        var payload = (await editor.PostQueryAsync(
            "mutation($items: [ItemVersionInput!]!) { publishArticles(items: $items) { articles { slug } errors { code } } }",
            new { items = others.Prepend(first).Select(a => new { id = a["id"]!.GetValue<string>(), version = a["version"]!.GetValue<int>() }) }))
            .AssertData()["publishArticles"]!;

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal(5, payload["articles"]!.AsArray().Count);
        // SQLite quotes the alias ("d"."Id"), PostgreSQL does not (d."Id").
        Assert.Single(_factory.SqlCommands.Commands, c => c.Sql.Replace("\"d\".", "d.", StringComparison.Ordinal)
            .StartsWith("""SELECT d."Id", d."Key", d."Status", d."SiteWide""", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Should_publish_once_the_article_carries_the_disclaimer_itself()
    {
        var (editor, article) = await DraftInRequiringCategoryAsync("hip-surgery", attachToCategory: false);
        article = (await MutateAsync(editor, "updateArticle", article, new { disclaimers = new[] { "hip-surgery-risks" } }))["article"]!;

        await MutateAsync(editor, "publishArticle", article);

        Assert.Equal("hip-surgery-article", await AnonymousSlugAsync("hip-surgery-article"));
    }

    [SkippableFact]
    public async Task Should_refuse_to_take_a_required_disclaimer_off_a_published_article()
    {
        var (editor, article) = await DraftInRequiringCategoryAsync("shoulder-surgery", attachToCategory: false);
        article = (await MutateAsync(editor, "updateArticle", article, new { disclaimers = new[] { "shoulder-surgery-risks" } }))["article"]!;
        article = (await MutateAsync(editor, "publishArticle", article))["article"]!;

        var payload = await MutateAsync(editor, "updateArticle", article, new { disclaimers = Array.Empty<string>() }, expectErrors: true);

        Assert.Equal("DISCLAIMER_REQUIRED", payload["errors"]![0]!["code"]!.GetValue<string>());
        var current = (await editor.PostQueryAsync("""{ article(slug: "shoulder-surgery-article") { version disclaimers { key } } }""")).AssertData()["article"]!;
        Assert.Equal(article["version"]!.GetValue<int>(), current["version"]!.GetValue<int>());
        Assert.Contains("shoulder-surgery-risks", current["disclaimers"]!.AsArray().Select(d => d!["key"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Should_count_the_disclaimers_the_articles_category_attaches()
    {
        var (editor, article) = await DraftInRequiringCategoryAsync("neck-surgery", attachToCategory: true);

        await MutateAsync(editor, "publishArticle", article);

        Assert.Equal("neck-surgery-article", await AnonymousSlugAsync("neck-surgery-article"));
    }

    [SkippableFact]
    public async Task Should_leave_a_scheduled_article_unpublished_while_it_lacks_the_disclaimer()
    {
        var (editor, article) = await DraftInRequiringCategoryAsync("back-surgery", attachToCategory: false);
        await MutateAsync(editor, "scheduleArticle", article, extra: $"publishAt: \"{_factory.Clock.GetUtcNow().AddHours(1):O}\"");

        _factory.Clock.Advance(TimeSpan.FromHours(2));
        var changes = await _factory.Services.GetRequiredService<ContentScheduler>().RunDueAsync(CancellationToken.None);

        Assert.Equal(0, changes);
        Assert.Null(await AnonymousSlugAsync("back-surgery-article"));
        // Refused for good: the schedule is dropped (as a revision by the scheduler), not retried every run.
        var current = (await editor.PostQueryAsync($$"""{ article(id: "{{article["id"]}}") { publishScheduledAt } articleRevisions(id: "{{article["id"]}}") { actor operation } }""")).AssertData();
        Assert.Null(current["article"]!["publishScheduledAt"]);
        Assert.Equal(("scheduler", "schedule"), (current["articleRevisions"]![0]!["actor"]!.GetValue<string>(), current["articleRevisions"]![0]!["operation"]!.GetValue<string>()));
        Assert.Equal(0, await _factory.Services.GetRequiredService<ContentScheduler>().RunDueAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task Should_refuse_a_category_requiring_a_disclaimer_that_does_not_exist()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);

        var payload = (await editor.PostQueryAsync(
            "mutation($input: CategoryInput!) { createCategory(input: $input) { category { slug } errors { field code } } }",
            new { input = new { name = "Unknown rules", requiredDisclaimers = new[] { "no-such-disclaimer" } } })).AssertData()["createCategory"]!;

        Assert.Equal(("requiredDisclaimers", "NOT_FOUND"), (payload["errors"]![0]!["field"]!.GetValue<string>(), payload["errors"]![0]!["code"]!.GetValue<string>()));
    }

    [SkippableTheory]
    [InlineData("unpublishDisclaimer")]
    [InlineData("archiveDisclaimer")]
    [InlineData("deleteDisclaimer")]
    public async Task Should_refuse_to_withdraw_a_disclaimer_published_articles_need(string mutation)
    {
        var name = mutation.Replace("Disclaimer", "-spine", StringComparison.Ordinal);
        var (editor, disclaimer, _) = await PublishedRelyingOnCategoryAsync(name, articles: 1);

        var payload = await ContentMutations.MutateAsync(editor, "Disclaimer", mutation, disclaimer);

        AssertRefused(payload, "id", $"'{name}-article-01'");
        Assert.Contains($"{name}-risks", await AnonymousDisclaimerKeysAsync($"{name}-article-01"));
    }

    [SkippableFact]
    public async Task Should_refuse_to_detach_a_required_disclaimer_from_a_category_until_its_articles_carry_it_themselves()
    {
        var (editor, _, category) = await PublishedRelyingOnCategoryAsync("pelvis", articles: 1);

        var refused = await ContentMutations.MutateAsync(editor, "Category", "updateCategory", category, new { disclaimers = Array.Empty<string>() });
        var article = (await editor.PostQueryAsync("""{ article(slug: "pelvis-article-01") { id version } }""")).AssertData()["article"]!;
        await MutateAsync(editor, "updateArticle", article, new { disclaimers = new[] { "pelvis-risks" } });
        var accepted = await ContentMutations.MutateAsync(editor, "Category", "updateCategory", category, new { disclaimers = Array.Empty<string>() });

        AssertRefused(refused, "disclaimers", "'pelvis-article-01'");
        Assert.Empty(accepted["errors"]!.AsArray());
        Assert.Contains("pelvis-risks", await AnonymousDisclaimerKeysAsync("pelvis-article-01"));
    }

    [SkippableFact]
    public async Task Should_refuse_to_require_a_disclaimer_published_articles_lack_naming_the_first_ten()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        await ContentMutations.CreatePublishedAsync(editor, "Disclaimer", new { key = "sacrum-risks", title = "Risks", body = "Risks." });
        var category = await ContentMutations.CreatePublishedAsync(editor, "Category", new { slug = "sacrum", name = "Sacrum" });
        for (var i = 12; i >= 1; i--)
        {
            await MutateAsync(editor, "publishArticle", await CreateAsync(editor, new { slug = $"sacrum-article-{i:00}", title = $"Sacrum {i}", body = "Text.", category = "sacrum" }));
        }

        var refused = await ContentMutations.MutateAsync(editor, "Category", "updateCategory", category, new { requiredDisclaimers = new[] { "sacrum-risks" } });
        var accepted = await ContentMutations.MutateAsync(editor, "Category", "updateCategory", category,
            new { requiredDisclaimers = new[] { "sacrum-risks" }, disclaimers = new[] { "sacrum-risks" } });

        var message = AssertRefused(refused, "requiredDisclaimers", "12 published articles");
        Assert.Contains($"{string.Join(", ", Enumerable.Range(1, 10).Select(i => $"'sacrum-article-{i:00}'"))} and 2 more.", message, StringComparison.Ordinal);
        Assert.Empty(accepted["errors"]!.AsArray());
    }

    [SkippableFact]
    public async Task Should_refuse_to_move_a_category_under_a_parent_requiring_what_its_articles_lack()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        await ContentMutations.CreatePublishedAsync(editor, "Disclaimer", new { key = "coccyx-risks", title = "Risks", body = "Risks." });
        await ContentMutations.CreatePublishedAsync(editor, "Category", new { slug = "coccyx-strict", name = "Strict", requiredDisclaimers = new[] { "coccyx-risks" } });
        var category = await ContentMutations.CreatePublishedAsync(editor, "Category", new { slug = "coccyx", name = "Coccyx" });
        await MutateAsync(editor, "publishArticle", await CreateAsync(editor, new { slug = "coccyx-article", title = "Coccyx", body = "Text.", category = "coccyx" }));

        var payload = await ContentMutations.MutateAsync(editor, "Category", "updateCategory", category, new { parent = "coccyx-strict" });

        AssertRefused(payload, "parent", "'coccyx-strict'");
    }

    [SkippableFact]
    public async Task Should_refuse_to_rename_a_required_site_wide_disclaimer_or_make_it_local()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var disclaimer = await ContentMutations.CreatePublishedAsync(editor, "Disclaimer", new { key = "thorax-risks", title = "Risks", body = "Risks.", siteWide = true });
        await ContentMutations.CreatePublishedAsync(editor, "Category", new { slug = "thorax", name = "Thorax", requiredDisclaimers = new[] { "thorax-risks" } });
        await MutateAsync(editor, "publishArticle", await CreateAsync(editor, new { slug = "thorax-article", title = "Thorax", body = "Text.", category = "thorax" }));

        var renamed = await ContentMutations.MutateAsync(editor, "Disclaimer", "updateDisclaimer", disclaimer, new { key = "thorax-risks-v2" });
        var local = await ContentMutations.MutateAsync(editor, "Disclaimer", "updateDisclaimer", disclaimer, new { siteWide = false });

        AssertRefused(renamed, "key", "'thorax-article'");
        AssertRefused(local, "siteWide", "'thorax-article'");
    }

    [SkippableFact]
    public async Task Should_refuse_to_schedule_the_withdrawal_of_a_disclaimer_published_articles_need()
    {
        var (editor, disclaimer, _) = await PublishedRelyingOnCategoryAsync("cervical", articles: 1);

        var payload = await ContentMutations.MutateAsync(editor, "Disclaimer", "scheduleDisclaimer", disclaimer,
            extra: $"publishAt: null, unpublishAt: \"{_factory.Clock.GetUtcNow().AddHours(1):O}\"");

        AssertRefused(payload, "unpublishAt", "'cervical-article-01'");
    }

    [SkippableFact]
    public async Task Should_not_carry_out_a_scheduled_withdrawal_published_articles_came_to_need()
    {
        var (editor, disclaimer, _) = await PublishedRelyingOnCategoryAsync("thoracic", articles: 0);
        var scheduled = await ContentMutations.MutateAsync(editor, "Disclaimer", "scheduleDisclaimer", disclaimer,
            extra: $"publishAt: null, unpublishAt: \"{_factory.Clock.GetUtcNow().AddHours(1):O}\"");
        Assert.Empty(scheduled["errors"]!.AsArray());
        await MutateAsync(editor, "publishArticle", await CreateAsync(editor, new { slug = "thoracic-article", title = "Thoracic", body = "Text.", category = "thoracic" }));

        _factory.Clock.Advance(TimeSpan.FromHours(2));
        var scheduler = _factory.Services.GetRequiredService<ContentScheduler>();
        await scheduler.RunDueAsync(CancellationToken.None);

        Assert.Contains("thoracic-risks", await AnonymousDisclaimerKeysAsync("thoracic-article"));
        // Refused for good: the schedule is dropped (as a revision by the scheduler), not retried every run.
        var revisions = (await editor.PostQueryAsync($$"""{ disclaimerRevisions(id: "{{disclaimer["id"]}}") { actor operation } }""")).AssertData()["disclaimerRevisions"]!;
        Assert.Equal(("scheduler", "schedule"), (revisions[0]!["actor"]!.GetValue<string>(), revisions[0]!["operation"]!.GetValue<string>()));
        Assert.Equal(0, await scheduler.RunDueAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task Should_hold_an_article_already_lacking_a_disclaimer_against_its_own_edits_only()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var disclaimer = await ContentMutations.CreatePublishedAsync(editor, "Disclaimer", new { key = "lumbago-risks", title = "Risks", body = "Risks." });
        var category = await ContentMutations.CreatePublishedAsync(editor, "Category", new { slug = "lumbago", name = "Lumbago" });
        var article = (await MutateAsync(editor, "publishArticle",
            await CreateAsync(editor, new { slug = "lumbago-article", title = "Lumbago", body = "Text.", category = "lumbago" })))["article"]!;
        await using (var db = _factory.CreateDbContext())
        {
            // As a database from before the rule may hold it: the requirement came after the article was published.
            var stored = await db.Categories.SingleAsync(c => c.Slug == "lumbago");
            stored.RequiredDisclaimers = ["lumbago-risks"];
            await db.SaveChangesAsync();
        }

        var categoryEdit = await ContentMutations.MutateAsync(editor, "Category", "updateCategory", category, new { description = "Acute low back pain." });
        var withdrawal = await ContentMutations.MutateAsync(editor, "Disclaimer", "unpublishDisclaimer", disclaimer);
        var articleEdit = await MutateAsync(editor, "updateArticle", article, new { title = "Lumbago, explained" }, expectErrors: true);

        Assert.Empty(categoryEdit["errors"]!.AsArray());
        Assert.Empty(withdrawal["errors"]!.AsArray());
        Assert.Equal("DISCLAIMER_REQUIRED", articleEdit["errors"]![0]!["code"]!.GetValue<string>());
    }

    /// <summary>
    /// A published disclaimer <c>{name}-risks</c>, required by the category <c>{name}</c> and attached to it, and
    /// <paramref name="articles"/> published articles <c>{name}-article-01</c>, … in it that carry it by their category only.
    /// </summary>
    private async Task<(HttpClient Editor, JsonNode Disclaimer, JsonNode Category)> PublishedRelyingOnCategoryAsync(string name, int articles)
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var key = $"{name}-risks";
        var disclaimer = await ContentMutations.CreatePublishedAsync(editor, "Disclaimer", new { key, title = "Risks", body = "Every treatment carries risks." });
        var category = await ContentMutations.CreatePublishedAsync(editor, "Category", new { slug = name, name, requiredDisclaimers = new[] { key }, disclaimers = new[] { key } });
        for (var i = 1; i <= articles; i++)
        {
            await MutateAsync(editor, "publishArticle", await CreateAsync(editor, new { slug = $"{name}-article-{i:00}", title = $"{name} {i}", body = "Text.", category = name }));
        }

        return (editor, disclaimer, category);
    }

    /// <summary>Asserts the payload's single error; returns its message.</summary>
    private static string AssertRefused(JsonNode payload, string field, string mentioned)
    {
        var error = payload["errors"]!.AsArray().Single()!;
        Assert.Equal((field, "DISCLAIMER_REQUIRED"), (error["field"]!.GetValue<string>(), error["code"]!.GetValue<string>()));
        var message = error["message"]!.GetValue<string>();
        Assert.Contains(mentioned, message, StringComparison.Ordinal);
        return message;
    }

    private async Task<List<string>> AnonymousDisclaimerKeysAsync(string slug) =>
        (await _factory.CreateClient().PostQueryAsync($$"""{ article(slug: "{{slug}}") { disclaimers { key } } }""")).AssertData()["article"]!["disclaimers"]!
            .AsArray().Select(d => d!["key"]!.GetValue<string>()).ToList();

    /// <summary>A published disclaimer <c>{name}-risks</c>, required by category <c>{name}-parent</c>; a draft article in its sub-category <c>{name}</c>.</summary>
    private async Task<(HttpClient Editor, JsonNode Article)> DraftInRequiringCategoryAsync(string name, bool attachToCategory)
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var key = $"{name}-risks";
        await ContentMutations.CreatePublishedAsync(editor, "Disclaimer", new { key, title = "Surgical risks", body = "Every surgery carries risks.", placement = "ARTICLE_FOOTER" });
        await ContentMutations.CreatePublishedAsync(editor, "Category", new { slug = $"{name}-parent", name = $"{name} parent", requiredDisclaimers = new[] { key } });
        await ContentMutations.CreatePublishedAsync(editor, "Category", new { slug = name, name, parent = $"{name}-parent", disclaimers = attachToCategory ? new[] { key } : [] });
        var article = await CreateAsync(editor, new { slug = $"{name}-article", title = $"{name} article", body = "Text.", category = name });
        return (editor, article);
    }

    private async Task<string?> AnonymousSlugAsync(string slug) =>
        (await _factory.CreateClient().PostQueryAsync($$"""{ article(slug: "{{slug}}") { slug } }""")).AssertData()["article"]?["slug"]?.GetValue<string>();

    public sealed class OnSqlite(FakeClockContentHubFactory factory) : RequiredDisclaimerTests(factory), IClassFixture<FakeClockContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlFakeClockContentHubFactory factory) : RequiredDisclaimerTests(factory), IClassFixture<PostgreSqlFakeClockContentHubFactory>;
}
