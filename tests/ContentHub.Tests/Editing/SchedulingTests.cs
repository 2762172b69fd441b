using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Editing;
using ContentHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Editing;

/// <summary>The scheduler publishes and withdraws items when their time comes, on the server's clock, as an editor would.</summary>
public abstract class SchedulingTests
{
    private readonly FakeClockContentHubFactory _factory;

    private SchedulingTests(FakeClockContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_publish_at_the_scheduled_time_and_not_a_minute_before()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = "Spring stretches", body = "Reach up." });
        var publishAt = _factory.Clock.GetUtcNow().AddHours(1);
        await ScheduleAsync(editor, article, publishAt: publishAt);

        _factory.Clock.Advance(TimeSpan.FromMinutes(59));
        await RunSchedulerAsync();
        var early = await AnonymousTitleAsync("spring-stretches");
        _factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await RunSchedulerAsync();
        var onTime = await AnonymousTitleAsync("spring-stretches");

        Assert.Null(early);
        Assert.Equal("Spring stretches", onTime);
        var revisions = await RevisionsAsync(editor, article);
        Assert.Equal(("scheduler", "publish"), (revisions[0]!["actor"]!.GetValue<string>(), revisions[0]!["operation"]!.GetValue<string>()));
        var current = (await editor.PostQueryAsync($$"""{ article(id: "{{article["id"]}}") { publishedAt publishScheduledAt } }""")).AssertData()["article"]!;
        Assert.Equal(_factory.Clock.GetUtcNow().UtcDateTime, current["publishedAt"]!.GetValue<DateTime>().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Null(current["publishScheduledAt"]);
    }

    [SkippableFact]
    public async Task Should_publish_then_withdraw_when_both_times_have_passed()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = "Winter sale", body = "Two weeks only." });
        var now = _factory.Clock.GetUtcNow();
        await ScheduleAsync(editor, article, publishAt: now.AddDays(1), unpublishAt: now.AddDays(15));

        _factory.Clock.Advance(TimeSpan.FromDays(2));
        await RunSchedulerAsync();
        var live = await AnonymousTitleAsync("winter-sale");
        _factory.Clock.Advance(TimeSpan.FromDays(14));
        await RunSchedulerAsync();

        Assert.Equal("Winter sale", live);
        Assert.Null(await AnonymousTitleAsync("winter-sale"));
        var gone = (await _factory.CreateClient().PostQueryAsync("""{ resolveArticleSlug(slug: "winter-sale") { status } }""")).AssertData();
        Assert.Equal("GONE", gone["resolveArticleSlug"]!["status"]!.GetValue<string>());
        var operations = (await RevisionsAsync(editor, article)).Select(r => r!["operation"]!.GetValue<string>()).ToList();
        Assert.Equal(["archive", "publish", "schedule", "create"], operations);
    }

    [SkippableFact]
    public async Task Should_leave_an_item_an_editor_changed_in_the_meantime_to_its_new_schedule()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = "Moved launch", body = "Soon." });
        var now = _factory.Clock.GetUtcNow();
        article = (await ScheduleAsync(editor, article, publishAt: now.AddHours(1)))["article"]!;
        await ScheduleAsync(editor, article, publishAt: now.AddDays(3));

        _factory.Clock.Advance(TimeSpan.FromHours(2));
        await RunSchedulerAsync();

        Assert.Null(await AnonymousTitleAsync("moved-launch"));
    }

    [SkippableFact]
    public async Task Should_publish_and_withdraw_at_the_very_tick_they_are_scheduled_for()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = "On the dot", body = "Exactly then." });
        var now = _factory.Clock.GetUtcNow();
        await ScheduleAsync(editor, article, publishAt: now.AddHours(1), unpublishAt: now.AddHours(2));

        _factory.Clock.Advance(TimeSpan.FromHours(1));
        await RunSchedulerAsync();
        var live = await AnonymousTitleAsync("on-the-dot");
        _factory.Clock.Advance(TimeSpan.FromHours(1));
        await RunSchedulerAsync();

        Assert.Equal("On the dot", live);
        Assert.Null(await AnonymousTitleAsync("on-the-dot"));
    }

    [SkippableFact]
    public async Task Should_bring_back_an_archived_item_scheduled_for_publication()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = "Seasonal tips", body = "Every spring." });
        article = (await MutateAsync(editor, "publishArticle", article))["article"]!;
        article = (await MutateAsync(editor, "archiveArticle", article))["article"]!;
        await ScheduleAsync(editor, article, publishAt: _factory.Clock.GetUtcNow().AddDays(1));

        _factory.Clock.Advance(TimeSpan.FromDays(1));
        await RunSchedulerAsync();

        Assert.Equal("Seasonal tips", await AnonymousTitleAsync("seasonal-tips"));
        Assert.Equal("publish", (await RevisionsAsync(editor, article))[0]!["operation"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData(-1, null, "publishAt")]
    [InlineData(2, 1, "unpublishAt")]
    [InlineData(null, 1, "unpublishAt")] // a draft cannot be withdrawn without being published first
    public async Task Should_refuse_a_schedule_that_cannot_happen(int? publishInHours, int? unpublishInHours, string field)
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = $"Impossible {field} {publishInHours} {unpublishInHours}", body = "Never." });
        var now = _factory.Clock.GetUtcNow();

        var payload = await ScheduleAsync(editor, article,
            publishInHours is { } p ? now.AddHours(p) : null, unpublishInHours is { } u ? now.AddHours(u) : null, expectErrors: true);

        Assert.Equal(field, payload["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal("INVALID_VALUE", payload["errors"]![0]!["code"]!.GetValue<string>());
    }

    private Task<int> RunSchedulerAsync() =>
        _factory.Services.GetRequiredService<ContentScheduler>().RunDueAsync(CancellationToken.None);

    private async Task<string?> AnonymousTitleAsync(string slug)
    {
        var data = (await _factory.CreateClient().PostQueryAsync($$"""{ article(slug: "{{slug}}") { title } }""")).AssertData();
        return data["article"]?["title"]?.GetValue<string>();
    }

    private static async Task<JsonNode> ScheduleAsync(
        HttpClient editor, JsonNode article, DateTimeOffset? publishAt = null, DateTimeOffset? unpublishAt = null, bool expectErrors = false)
    {
        var payload = (await editor.PostQueryAsync(
            $"mutation($id: ID!, $version: Int!, $publishAt: DateTime, $unpublishAt: DateTime) {{ scheduleArticle(id: $id, version: $version, publishAt: $publishAt, unpublishAt: $unpublishAt) {{ article {{ {Fields} }} errors {{ field code }} }} }}",
            new { id = article["id"]!.GetValue<string>(), version = article["version"]!.GetValue<int>(), publishAt, unpublishAt })).AssertData()["scheduleArticle"]!;
        Assert.Equal(expectErrors, payload["errors"]!.AsArray().Count > 0);
        return payload;
    }

    private static async Task<JsonArray> RevisionsAsync(HttpClient editor, JsonNode article) =>
        (await editor.PostQueryAsync($$"""{ articleRevisions(id: "{{article["id"]}}") { actor operation } }""")).AssertData()["articleRevisions"]!.AsArray();

    public sealed class OnSqlite(FakeClockContentHubFactory factory) : SchedulingTests(factory), IClassFixture<FakeClockContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlFakeClockContentHubFactory factory) : SchedulingTests(factory), IClassFixture<PostgreSqlFakeClockContentHubFactory>;
}
