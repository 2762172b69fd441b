using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using static ContentHub.Tests.Support.ArticleMutations;
using static ContentHub.Tests.Support.PersonMutations;

namespace ContentHub.Tests.Articles;

/// <summary>The reviewer's queue: articles in review and published articles due for review, soonest due first.</summary>
public abstract class ReviewQueueTests
{
    private const string Queue = """
        query($after: String) {
          articles(first: 2, after: $after, filter: { reviewQueue: true, tag: "queue" }, sort: REVIEW_DUE) {
            edges { node { slug } } pageInfo { hasNextPage endCursor }
          }
        }
        """;

    private readonly FakeClockContentHubFactory _factory;

    private ReviewQueueTests(FakeClockContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_list_articles_in_review_and_published_ones_due_soonest_first_until_reviewed()
    {
        var admin = await _factory.CreateClientAsync(ApiKeyRole.Admin, "Queue Admin");
        var category = (await admin.PostQueryAsync(
            "mutation($input: CategoryInput!) { createCategory(input: $input) { category { slug } } }",
            new { input = new { name = "Queue reviewed", requiresMedicalReview = true, reviewIntervalDays = 30 } })).AssertData()["createCategory"]!["category"]!["slug"]!.GetValue<string>();
        await CreatePublishedPersonAsync(admin, "Queue Reviewer", "MD");
        var (writer, reviewer, publisher) = (await _factory.CreateClientAsync(ApiKeyRole.Writer, "Queue Writer"),
            await _factory.CreateClientAsync(ApiKeyRole.MedicalReviewer, "Queue Reviewer", person: "queue-reviewer"),
            await _factory.CreateClientAsync(ApiKeyRole.Publisher, "Queue Publisher"));

        var dueFirst = await PublishApprovedAsync(writer, reviewer, publisher, "Queue due first", category);
        _factory.Clock.Advance(TimeSpan.FromDays(10));
        await PublishApprovedAsync(writer, reviewer, publisher, "Queue due second", category);
        await MutateAsync(writer, "requestReview", await CreateAsync(writer, new { title = "Queue in review", body = "Text.", category, tags = new[] { "queue" } }));
        await CreateAsync(writer, new { title = "Queue plain draft", body = "Text.", category, tags = new[] { "queue" } });
        _factory.Clock.Advance(TimeSpan.FromDays(35));

        var before = await QueueAsync(reviewer);
        var current = (await reviewer.PostQueryAsync($$"""{ article(id: "{{dueFirst["id"]}}") { id version } }""")).AssertData()["article"]!;
        await MutateAsync(reviewer, "approveArticle", current, extra: "note: \"Still current.\"");
        var after = await QueueAsync(reviewer);
        var anonymous = await _factory.CreateClient().PostQueryAsync(Queue, new { after = (string?)null });

        Assert.Equal(["queue-in-review", "queue-due-first", "queue-due-second"], before);
        Assert.Equal(["queue-in-review", "queue-due-second"], after);
        Assert.Equal("FORBIDDEN", anonymous.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> PublishApprovedAsync(HttpClient writer, HttpClient reviewer, HttpClient publisher, string title, string category)
    {
        var article = await CreateAsync(writer, new { title, body = "Reviewed.", category, tags = new[] { "queue" } });
        var requested = (await MutateAsync(writer, "requestReview", article))["article"]!;
        var approved = (await MutateAsync(reviewer, "approveArticle", requested))["article"]!;
        return (await MutateAsync(publisher, "publishArticle", approved))["article"]!;
    }

    /// <summary>The whole queue, read two at a time.</summary>
    private static async Task<List<string>> QueueAsync(HttpClient client)
    {
        var slugs = new List<string>();
        string? after = null;
        do
        {
            var page = (await client.PostQueryAsync(Queue, new { after })).AssertData()["articles"]!;
            slugs.AddRange(page["edges"]!.AsArray().Select(e => e!["node"]!["slug"]!.GetValue<string>()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        return slugs;
    }

    public sealed class OnSqlite(FakeClockContentHubFactory factory) : ReviewQueueTests(factory), IClassFixture<FakeClockContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlFakeClockContentHubFactory factory) : ReviewQueueTests(factory), IClassFixture<PostgreSqlFakeClockContentHubFactory>;
}
