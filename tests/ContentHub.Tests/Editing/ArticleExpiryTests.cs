using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Editing;
using ContentHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Editing;

/// <summary>Time-bound advice: once an article's expiresAt passes, the scheduler archives it, or it stays and is flagged, as configured.</summary>
public abstract class ArticleExpiryTests
{
    private const string ExpiredList =
        "query($filter: ArticleFilter) { articles(first: 50, filter: $filter) { edges { node { slug expired } } } }";

    private readonly FakeClockContentHubFactory _archiving;
    private readonly FlagExpiredContentHubFactory _flagging;

    private ArticleExpiryTests(FakeClockContentHubFactory archiving, FlagExpiredContentHubFactory flagging)
    {
        archiving.SkipUnlessAvailable();
        _archiving = archiving;
        _flagging = flagging;
    }

    [SkippableFact]
    public async Task Should_archive_an_expired_article_as_the_scheduler_by_default()
    {
        var editor = await _archiving.CreateClientAsync(ApiKeyRole.Editor);
        var article = await PublishedAsync(editor, "Flu season advice", _archiving.Clock.GetUtcNow().AddDays(1));

        _archiving.Clock.Advance(TimeSpan.FromHours(23));
        await RunSchedulerAsync(_archiving);
        var beforeExpiry = await AnonymousAsync(_archiving, "flu-season-advice");
        _archiving.Clock.Advance(TimeSpan.FromHours(2));
        await RunSchedulerAsync(_archiving);

        Assert.False(beforeExpiry!["expired"]!.GetValue<bool>());
        Assert.Null(await AnonymousAsync(_archiving, "flu-season-advice"));
        var revisions = (await editor.PostQueryAsync($$"""{ articleRevisions(id: "{{article["id"]}}") { actor operation } }""")).AssertData()["articleRevisions"]!;
        Assert.Equal(("scheduler", "archive"), (revisions[0]!["actor"]!.GetValue<string>(), revisions[0]!["operation"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Should_keep_an_expired_article_published_and_flag_it_when_configured_to()
    {
        var editor = await _flagging.CreateClientAsync(ApiKeyRole.Editor);
        await PublishedAsync(editor, "Heatwave advice", _flagging.Clock.GetUtcNow().AddDays(1), tag: "heatwave");
        await PublishedAsync(editor, "Evergreen advice", expiresAt: null, tag: "heatwave");

        _flagging.Clock.Advance(TimeSpan.FromDays(2));
        var changes = await RunSchedulerAsync(_flagging);

        Assert.Equal(0, changes);
        Assert.True((await AnonymousAsync(_flagging, "heatwave-advice"))!["expired"]!.GetValue<bool>());
        Assert.Equal(["heatwave-advice"], await SlugsAsync(editor, new { tag = "heatwave", expired = true }));
        Assert.Equal(["evergreen-advice"], await SlugsAsync(editor, new { tag = "heatwave", expired = false }));
        var anonymous = await _flagging.CreateClient().PostQueryAsync(ExpiredList, new { filter = new { expired = true } });
        Assert.Equal("FORBIDDEN", anonymous.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    private static async Task<JsonNode> PublishedAsync(HttpClient editor, string title, DateTimeOffset? expiresAt, string tag = "advice")
    {
        var article = await CreateAsync(editor, new { title, body = "Stay safe.", tags = new[] { tag }, expiresAt });
        return (await MutateAsync(editor, "publishArticle", article))["article"]!;
    }

    private static Task<int> RunSchedulerAsync(FakeClockContentHubFactory factory) =>
        factory.Services.GetRequiredService<ContentScheduler>().RunDueAsync(CancellationToken.None);

    private static async Task<JsonNode?> AnonymousAsync(FakeClockContentHubFactory factory, string slug) =>
        (await factory.CreateClient().PostQueryAsync($$"""{ article(slug: "{{slug}}") { slug expired } }""")).AssertData()["article"];

    private static async Task<List<string>> SlugsAsync(HttpClient editor, object filter) =>
        (await editor.PostQueryAsync(ExpiredList, new { filter })).AssertData()["articles"]!["edges"]!.AsArray()
            .Select(e => e!["node"]!["slug"]!.GetValue<string>()).ToList();

    public sealed class OnSqlite(FakeClockContentHubFactory archiving, FlagExpiredContentHubFactory flagging)
        : ArticleExpiryTests(archiving, flagging), IClassFixture<FakeClockContentHubFactory>, IClassFixture<FlagExpiredContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlFakeClockContentHubFactory archiving, PostgreSqlFlagExpiredContentHubFactory flagging)
        : ArticleExpiryTests(archiving, flagging), IClassFixture<PostgreSqlFakeClockContentHubFactory>, IClassFixture<PostgreSqlFlagExpiredContentHubFactory>;
}
