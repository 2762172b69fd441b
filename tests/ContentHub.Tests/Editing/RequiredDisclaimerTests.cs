using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Editing;
using ContentHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Editing;

/// <summary>A category that requires a disclaimer keeps articles without it from going live: one at a time, in bulk, or on schedule.</summary>
public sealed class RequiredDisclaimerTests(FakeClockContentHubFactory factory) : IClassFixture<FakeClockContentHubFactory>
{
    [Fact]
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

    [Fact]
    public async Task Should_publish_once_the_article_carries_the_disclaimer_itself()
    {
        var (editor, article) = await DraftInRequiringCategoryAsync("hip-surgery", attachToCategory: false);
        article = (await MutateAsync(editor, "updateArticle", article, new { disclaimers = new[] { "hip-surgery-risks" } }))["article"]!;

        await MutateAsync(editor, "publishArticle", article);

        Assert.Equal("hip-surgery-article", await AnonymousSlugAsync("hip-surgery-article"));
    }

    [Fact]
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

    [Fact]
    public async Task Should_count_the_disclaimers_the_articles_category_attaches()
    {
        var (editor, article) = await DraftInRequiringCategoryAsync("neck-surgery", attachToCategory: true);

        await MutateAsync(editor, "publishArticle", article);

        Assert.Equal("neck-surgery-article", await AnonymousSlugAsync("neck-surgery-article"));
    }

    [Fact]
    public async Task Should_leave_a_scheduled_article_unpublished_while_it_lacks_the_disclaimer()
    {
        var (editor, article) = await DraftInRequiringCategoryAsync("back-surgery", attachToCategory: false);
        await MutateAsync(editor, "scheduleArticle", article, extra: $"publishAt: \"{factory.Clock.GetUtcNow().AddHours(1):O}\"");

        factory.Clock.Advance(TimeSpan.FromHours(2));
        var changes = await factory.Services.GetRequiredService<ContentScheduler>().RunDueAsync(CancellationToken.None);

        Assert.Equal(0, changes);
        Assert.Null(await AnonymousSlugAsync("back-surgery-article"));
        // Refused for good: the schedule is dropped (as a revision by the scheduler), not retried every run.
        var current = (await editor.PostQueryAsync($$"""{ article(id: "{{article["id"]}}") { publishScheduledAt } articleRevisions(id: "{{article["id"]}}") { actor operation } }""")).AssertData();
        Assert.Null(current["article"]!["publishScheduledAt"]);
        Assert.Equal(("scheduler", "schedule"), (current["articleRevisions"]![0]!["actor"]!.GetValue<string>(), current["articleRevisions"]![0]!["operation"]!.GetValue<string>()));
        Assert.Equal(0, await factory.Services.GetRequiredService<ContentScheduler>().RunDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Should_refuse_a_category_requiring_a_disclaimer_that_does_not_exist()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);

        var payload = (await editor.PostQueryAsync(
            "mutation($input: CategoryInput!) { createCategory(input: $input) { category { slug } errors { field code } } }",
            new { input = new { name = "Unknown rules", requiredDisclaimers = new[] { "no-such-disclaimer" } } })).AssertData()["createCategory"]!;

        Assert.Equal(("requiredDisclaimers", "NOT_FOUND"), (payload["errors"]![0]!["field"]!.GetValue<string>(), payload["errors"]![0]!["code"]!.GetValue<string>()));
    }

    /// <summary>A published disclaimer <c>{name}-risks</c>, required by category <c>{name}-parent</c>; a draft article in its sub-category <c>{name}</c>.</summary>
    private async Task<(HttpClient Editor, JsonNode Article)> DraftInRequiringCategoryAsync(string name, bool attachToCategory)
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var key = $"{name}-risks";
        await ContentMutations.CreatePublishedAsync(editor, "Disclaimer", new { key, title = "Surgical risks", body = "Every surgery carries risks.", placement = "ARTICLE_FOOTER" });
        await ContentMutations.CreatePublishedAsync(editor, "Category", new { slug = $"{name}-parent", name = $"{name} parent", requiredDisclaimers = new[] { key } });
        await ContentMutations.CreatePublishedAsync(editor, "Category", new { slug = name, name, parent = $"{name}-parent", disclaimers = attachToCategory ? new[] { key } : [] });
        var article = await CreateAsync(editor, new { slug = $"{name}-article", title = $"{name} article", body = "Text.", category = name });
        return (editor, article);
    }

    private async Task<string?> AnonymousSlugAsync(string slug) =>
        (await factory.CreateClient().PostQueryAsync($$"""{ article(slug: "{{slug}}") { slug } }""")).AssertData()["article"]?["slug"]?.GetValue<string>();
}
