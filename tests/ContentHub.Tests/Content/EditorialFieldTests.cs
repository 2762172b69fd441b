using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Content;

/// <summary>Fields that tell of editorial plans read as null to anyone but editors, in the same query and fragments.</summary>
public sealed class EditorialFieldTests(EmptyContentHubFactory factory) : IClassFixture<EmptyContentHubFactory>
{
    private const string ArticleQuery = """
        query($slug: String!) { article(slug: $slug) { ...Plans } }
        fragment Plans on Article { title publishScheduledAt unpublishScheduledAt nextReviewDue reviewedAt expiresAt }
        """;

    [Fact]
    public async Task Should_show_schedules_and_review_plans_of_a_published_article_to_editors_only()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var created = await CreateAsync(editor, new
        {
            title = "Planned",
            body = "Text.",
            expiresAt = "2099-06-01T00:00:00Z",
        });
        await using (var db = factory.CreateDbContext())
        {
            // As an approval leaves them (approveArticle needs a reviewer standing for a person: ReviewWorkflowTests).
            await db.Articles.Where(a => a.Slug == "planned").ExecuteUpdateAsync(set => set
                .SetProperty(a => a.ReviewedAt, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc))
                .SetProperty(a => a.NextReviewDue, new DateTime(2098, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        }
        var published = (await MutateAsync(editor, "publishArticle", created))["article"]!;
        await MutateAsync(editor, "scheduleArticle", published,
            extra: "publishAt: \"2098-06-01T00:00:00Z\", unpublishAt: \"2099-01-01T00:00:00Z\"");

        var anonymous = (await factory.CreateClient().PostQueryAsync(ArticleQuery, new { slug = "planned" })).AssertData()["article"]!;
        var asEditor = (await editor.PostQueryAsync(ArticleQuery, new { slug = "planned" })).AssertData()["article"]!;

        Assert.Equal("Planned", anonymous["title"]!.GetValue<string>());
        Assert.All(["publishScheduledAt", "unpublishScheduledAt", "nextReviewDue"], field => Assert.Null(anonymous[field]));
        Assert.NotNull(anonymous["reviewedAt"]); // trust signals readers are meant to see
        Assert.NotNull(anonymous["expiresAt"]);
        Assert.All(["publishScheduledAt", "unpublishScheduledAt", "nextReviewDue", "reviewedAt", "expiresAt"], field => Assert.NotNull(asEditor[field]));
    }

    [Fact]
    public async Task Should_show_the_active_window_of_a_fact_to_editors_only()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        await ContentMutations.CreatePublishedAsync(editor, "Fact", new { key = "windowed", text = "A fact", activeFrom = "2020-01-01T00:00:00Z", activeUntil = "2099-01-01T00:00:00Z" });
        const string query = "{ facts { key activeFrom activeUntil } }";

        var anonymous = Single((await factory.CreateClient().PostQueryAsync(query)).AssertData());
        var asEditor = Single((await editor.PostQueryAsync(query)).AssertData());

        Assert.Null(anonymous["activeFrom"]);
        Assert.Null(anonymous["activeUntil"]);
        Assert.NotNull(asEditor["activeFrom"]);
        Assert.NotNull(asEditor["activeUntil"]);
    }

    private static JsonNode Single(JsonNode data) => data["facts"]!.AsArray().Single(f => f!["key"]!.GetValue<string>() == "windowed")!;
}
