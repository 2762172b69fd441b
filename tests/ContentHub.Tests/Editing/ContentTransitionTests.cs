using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Editing;

/// <summary>Publish, unpublish, archive, delete and restore: what each keeps, what each clears, and what it is called.</summary>
public sealed class ContentTransitionTests(FakeClockContentHubFactory factory) : IClassFixture<FakeClockContentHubFactory>
{
    private const string Schedule = "publishScheduledAt unpublishScheduledAt";

    [Fact]
    public async Task Should_keep_the_first_publication_time_when_an_item_is_republished()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = "Republished piece", body = "Text." });
        article = (await MutateAsync(editor, "publishArticle", article))["article"]!;
        var first = article["publishedAt"]!.GetValue<DateTime>();

        factory.Clock.Advance(TimeSpan.FromDays(1));
        article = (await MutateAsync(editor, "unpublishArticle", article))["article"]!;
        factory.Clock.Advance(TimeSpan.FromDays(1));
        article = (await MutateAsync(editor, "archiveArticle", article))["article"]!;
        article = (await MutateAsync(editor, "publishArticle", article))["article"]!;

        Assert.Equal(first, article["publishedAt"]!.GetValue<DateTime>());
    }

    [Theory]
    [InlineData("unpublishArticle")]
    [InlineData("archiveArticle")]
    [InlineData("deleteArticle")]
    public async Task Should_clear_a_pending_withdrawal_when_an_item_leaves_the_published_state(string mutation)
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = $"Withdrawal by {mutation}", body = "Text." });
        article = (await MutateAsync(editor, "publishArticle", article))["article"]!;
        article = (await ScheduleAsync(editor, article, unpublishAt: factory.Clock.GetUtcNow().AddDays(7)))["article"]!;

        var current = await TransitionAsync(editor, mutation, article);

        Assert.Null(current["unpublishScheduledAt"]);
        Assert.Null(current["publishScheduledAt"]);
    }

    [Fact]
    public async Task Should_clear_a_pending_publication_but_keep_a_pending_withdrawal_when_published_now()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = "Published ahead of schedule", body = "Text." });
        var now = factory.Clock.GetUtcNow();
        article = (await ScheduleAsync(editor, article, publishAt: now.AddDays(1), unpublishAt: now.AddDays(7)))["article"]!;

        var current = await TransitionAsync(editor, "publishArticle", article);

        Assert.Null(current["publishScheduledAt"]);
        Assert.Equal(now.AddDays(7).UtcDateTime, current["unpublishScheduledAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(now.UtcDateTime, current["publishedAt"]!.GetValue<DateTime>().ToUniversalTime());
    }

    [Fact]
    public async Task Should_clear_a_pending_publication_when_a_draft_is_archived()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = "Shelved launch", body = "Text." });
        article = (await ScheduleAsync(editor, article, publishAt: factory.Clock.GetUtcNow().AddDays(1)))["article"]!;

        var current = await TransitionAsync(editor, "archiveArticle", article);

        Assert.Null(current["publishScheduledAt"]);
    }

    [Fact]
    public async Task Should_name_each_transition_in_the_revision_history()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = "Well travelled", body = "Text." });
        foreach (var mutation in new[] { "publishArticle", "unpublishArticle", "archiveArticle", "deleteArticle", "restoreArticle" })
        {
            article = (await MutateAsync(editor, mutation, article))["article"]!;
        }

        var revisions = (await editor.PostQueryAsync($$"""{ articleRevisions(id: "{{article["id"]}}") { operation } }""")).AssertData();

        var operations = revisions["articleRevisions"]!.AsArray().Select(r => r!["operation"]!.GetValue<string>());
        Assert.Equal(["restore", "delete", "archive", "unpublish", "publish", "create"], operations);
    }

    [Theory]
    [InlineData("unpublishArticle", "Cannot unpublish a draft item; it must be published.")]
    [InlineData("restoreArticle", "Cannot restore a draft item; it must be trashed.")]
    [InlineData("publishArticle", "Cannot publish a published item; it must be draft or archived.")]
    public async Task Should_refuse_a_transition_from_the_wrong_state_saying_which_states_allow_it(string mutation, string message)
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = $"Wrong state for {mutation}", body = "Text." });
        if (mutation == "publishArticle")
        {
            article = (await MutateAsync(editor, "publishArticle", article))["article"]!;
        }

        var payload = await MutateAsync(editor, mutation, article, expectErrors: true);

        var error = payload["errors"]![0]!;
        Assert.Equal(("id", "INVALID_STATE", message),
            (error["field"]!.GetValue<string>(), error["code"]!.GetValue<string>(), error["message"]!.GetValue<string>()));
    }

    private static async Task<JsonNode> ScheduleAsync(HttpClient editor, JsonNode article, DateTimeOffset? publishAt = null, DateTimeOffset? unpublishAt = null)
    {
        var payload = (await editor.PostQueryAsync(
            $"mutation($id: ID!, $version: Int!, $publishAt: DateTime, $unpublishAt: DateTime) {{ scheduleArticle(id: $id, version: $version, publishAt: $publishAt, unpublishAt: $unpublishAt) {{ article {{ {Fields} }} errors {{ field code }} }} }}",
            new { id = article["id"]!.GetValue<string>(), version = article["version"]!.GetValue<int>(), publishAt, unpublishAt })).AssertData()["scheduleArticle"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return payload;
    }

    /// <summary>Runs a transition and returns the item as it left it (a trashed item cannot be read back).</summary>
    private static async Task<JsonNode> TransitionAsync(HttpClient editor, string mutation, JsonNode article)
    {
        var payload = (await editor.PostQueryAsync(
            $"mutation($id: ID!, $version: Int!) {{ {mutation}(id: $id, version: $version) {{ article {{ publishedAt {Schedule} }} errors {{ code }} }} }}",
            new { id = article["id"]!.GetValue<string>(), version = article["version"]!.GetValue<int>() })).AssertData()[mutation]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["article"]!;
    }
}
