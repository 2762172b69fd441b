using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Editing;
using ContentHub.Server.Webhooks;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Webhooks;

/// <summary>Every committed change leaves its event rows in the outbox, written in the change's transaction; a refused or rolled-back change leaves none.</summary>
public abstract class WebhookOutboxTests
{
    private readonly FakeClockContentHubFactory _factory;

    private WebhookOutboxTests(FakeClockContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_record_one_event_per_change_in_order_with_paths_and_surrogate_keys()
    {
        var admin = await _factory.CreateClientAsync(ApiKeyRole.Admin);
        var mark = await LastEventIdAsync();
        var article = await CreateAsync(admin, new { title = "Outbox walk", body = "Step out.", category = "wellness" });
        article = (await MutateAsync(admin, "updateArticle", article, new { slug = "outbox-stroll", summary = "A stroll." }))["article"]!;
        article = (await MutateAsync(admin, "publishArticle", article))["article"]!;
        article = (await MutateAsync(admin, "archiveArticle", article))["article"]!;
        article = (await MutateAsync(admin, "deleteArticle", article))["article"]!;
        article = (await MutateAsync(admin, "restoreArticle", article))["article"]!;
        article = (await MutateAsync(admin, "deleteArticle", article))["article"]!;
        await MutateAsync(admin, "purgeArticle", article);

        var events = await EventsAfterAsync(mark);

        Assert.Equal(["created", "updated", "slugChanged", "published", "archived", "trashed", "restored", "trashed", "purged"], events.Select(e => e.Type));
        var id = int.Parse(article["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(events, e => Assert.Equal(("Article", id, $"article:{id}"), (e.ContentType, e.ItemId, e.ItemKey)));
        var renamed = JsonNode.Parse(events[2].Data)!;
        Assert.Equal(("outbox-stroll", "outbox-walk"), (renamed["slug"]!.GetValue<string>(), renamed["previousSlug"]!.GetValue<string>()));
        Assert.Equal(["slug", "summary"], Strings(renamed["changedFields"]).Order());
        Assert.Equal(["/articles/outbox-stroll", "/articles/outbox-walk", "/categories/wellness"], Strings(renamed["paths"]));
        Assert.Equal(["article-slugs", $"article:{id}"], Strings(renamed["surrogateKeys"]));
        var published = JsonNode.Parse(events[3].Data)!;
        Assert.Equal(["/articles", "/articles/outbox-stroll", "/categories/wellness"], Strings(published["paths"]));
        Assert.Equal([$"article:{id}", "articles"], Strings(published["surrogateKeys"]));
        Assert.Equal(("PUBLISHED", 3), (published["status"]!.GetValue<string>(), published["version"]!.GetValue<int>()));
    }

    [SkippableFact]
    public async Task Should_record_nothing_for_a_refused_change_or_a_rolled_back_bulk_publish()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var good = await CreateAsync(editor, new { title = "Bulk good", body = "1" });
        var stale = await CreateAsync(editor, new { title = "Bulk stale", body = "2" });
        await MutateAsync(editor, "updateArticle", stale, new { body = "changed" });
        var mark = await LastEventIdAsync();

        await MutateAsync(editor, "updateArticle", good, new { title = "" }, expectErrors: true);
        await MutateAsync(editor, "updateArticle", stale, new { body = "lost update" }, expectErrors: true);
        var bulk = (await editor.PostQueryAsync(
            "mutation($items: [ItemVersionInput!]!) { publishArticles(items: $items) { errors { code } } }",
            new { items = new[] { Target(good), Target(stale) } })).AssertData()["publishArticles"]!;

        Assert.Equal("CONFLICT", bulk["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Empty(await EventsAfterAsync(mark)); // the good item's publication was staged, then rolled back with its event
    }

    [SkippableFact]
    public async Task Should_tell_scheduled_publication_scheduled_withdrawal_and_expiry_apart()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var now = _factory.Clock.GetUtcNow();
        var scheduled = await CreateAsync(editor, new { title = "Outbox timed", body = "Soon." });
        await editor.PostQueryAsync(
            "mutation($id: ID!, $version: Int!, $publishAt: DateTime, $unpublishAt: DateTime) { scheduleArticle(id: $id, version: $version, publishAt: $publishAt, unpublishAt: $unpublishAt) { errors { code } } }",
            new { id = scheduled["id"]!.GetValue<string>(), version = 1, publishAt = now.AddHours(1), unpublishAt = now.AddHours(3) });
        var expiring = await CreateAsync(editor, new { title = "Outbox expiring", body = "Until noon.", expiresAt = now.AddHours(2) });
        await MutateAsync(editor, "publishArticle", expiring);
        var mark = await LastEventIdAsync();

        foreach (var hours in (int[])[1, 1, 1])
        {
            _factory.Clock.Advance(TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(1));
            await RunSchedulerAsync();
        }

        var events = (await EventsAfterAsync(mark)).Where(e => e.Type != "reviewDue").ToList(); // seeded articles fall due too
        Assert.Equal(
            [("schedulePublished", "Outbox timed"), ("expired", "Outbox expiring"), ("scheduleWithdrawn", "Outbox timed")],
            events.Select(e => (e.Type, e.ItemId == ItemId(scheduled) ? "Outbox timed" : "Outbox expiring")));
        Assert.All(events, e => Assert.Equal("scheduler", e.Actor));
    }

    [SkippableFact]
    public async Task Should_tell_once_per_due_date_that_a_published_articles_review_is_due()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        await PersonMutations.CreatePublishedPersonAsync(await _factory.CreateClientAsync(ApiKeyRole.Admin, "Outbox Admin"), "Outbox Reviewer", "MD");
        var reviewer = await _factory.CreateClientAsync(ApiKeyRole.MedicalReviewer, "Outbox Reviewer", person: "outbox-reviewer");
        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        var article = await CreateAsync(editor, new { title = "Outbox review", body = "Checked yearly." });
        article = (await MutateAsync(editor, "publishArticle", article))["article"]!;
        await using (var db = _factory.CreateDbContext())
        {
            // Reviewed 300 days ago, as an approval then would have left it.
            await db.Articles.Where(a => a.Slug == "outbox-review").ExecuteUpdateAsync(set => set
                .SetProperty(a => a.ReviewedAt, now.AddDays(-300)).SetProperty(a => a.NextReviewDue, now.AddDays(2)));
        }

        var mark = await LastEventIdAsync();

        await RunSchedulerAsync();
        var early = await EventsAfterAsync(mark);
        _factory.Clock.Advance(TimeSpan.FromDays(2));
        await RunSchedulerAsync();
        await RunSchedulerAsync();
        var onTheDay = await EventsAfterAsync(mark);
        await MutateAsync(reviewer, "approveArticle", article); // the next review falls due a year on (the default interval)
        _factory.Clock.Advance(TimeSpan.FromDays(366));
        await RunSchedulerAsync();

        Assert.Empty(early);
        var due = Assert.Single(onTheDay);
        Assert.Equal(("reviewDue", ItemId(article)), (due.Type, due.ItemId));
        Assert.Equal(["/articles/outbox-review"], Strings(JsonNode.Parse(due.Data)!["paths"]));
        Assert.Equal(["reviewDue", "updated", "reviewDue"], (await EventsAfterAsync(mark)).Where(e => e.ItemId == ItemId(article)).Select(e => e.Type));
    }

    [SkippableFact]
    public async Task Should_record_a_seed_import_as_one_summary_event()
    {
        await using var db = _factory.CreateDbContext();
        var seeded = await db.WebhookEvents.AsNoTracking().Where(e => e.Actor == "seed").ToListAsync();

        var summary = Assert.Single(seeded);
        Assert.Equal(("seedImported", "seed"), (summary.Type, summary.ItemKey));
        var data = JsonNode.Parse(summary.Data)!;
        Assert.True(data["counts"]!["created"]!.GetValue<int>() > 10);
        Assert.Contains("articles", Strings(data["surrogateKeys"]));
    }

    private Task<int> RunSchedulerAsync() => _factory.Services.GetRequiredService<ContentScheduler>().RunDueAsync(CancellationToken.None);

    private static int ItemId(JsonNode item) => int.Parse(item["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    private static object Target(JsonNode article) => new { id = article["id"]!.GetValue<string>(), version = article["version"]!.GetValue<int>() };

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>());

    private async Task<long> LastEventIdAsync()
    {
        await using var db = _factory.CreateDbContext();
        return await db.WebhookEvents.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    private async Task<List<WebhookEvent>> EventsAfterAsync(long mark)
    {
        await using var db = _factory.CreateDbContext();
        return await db.WebhookEvents.AsNoTracking().Where(e => e.Id > mark).OrderBy(e => e.Id).ToListAsync();
    }

    public sealed class OnSqlite(FakeClockContentHubFactory factory) : WebhookOutboxTests(factory), IClassFixture<FakeClockContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlFakeClockContentHubFactory factory) : WebhookOutboxTests(factory), IClassFixture<PostgreSqlFakeClockContentHubFactory>;
}
