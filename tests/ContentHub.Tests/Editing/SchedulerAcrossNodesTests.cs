using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Articles;
using ContentHub.Server.Content;
using ContentHub.Server.Editing;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Editing;

/// <summary>
/// Several servers on one database, each running the scheduler: one pass at a time holds the lease, so every due item
/// is published and withdrawn exactly once (one revision and one audit entry by <c>scheduler</c> each, no refused
/// attempts), a node that dies holding the lease holds up the others only until it lapses, and an item an editor
/// changes between a pass's read and its write is read again. All nodes share one fake clock.
/// </summary>
public abstract class SchedulerAcrossNodesTests
{
    private static readonly (string Key, string Value) Unseeded = ("Seeding:OnStartup", "false");
    private static readonly (string Key, string Value) Lease = ("Scheduling:LeaseSeconds", "30");

    private readonly TestDatabase _database;

    private SchedulerAcrossNodesTests(TestDatabase database)
    {
        Skip.If(database == TestDatabase.PostgreSql && !PostgreSqlTestServer.IsAvailable, PostgreSqlTestServer.NotFound);
        _database = database;
    }

    [SkippableFact]
    public async Task Should_publish_and_withdraw_each_due_item_exactly_once_when_two_nodes_run_passes_at_once()
    {
        using var nodeA = new Node(_database);
        using var nodeB = new FakeClockNode(nodeA, Unseeded, Lease);
        var editor = await nodeA.CreateClientAsync(ApiKeyRole.Editor);
        var now = nodeA.Clock.GetUtcNow();
        var publishOnly = new List<int>();
        var publishThenWithdraw = new List<int>();
        for (var index = 0; index < 24; index++)
        {
            var withdraw = index % 3 == 0;
            var article = await ScheduledAsync(editor, $"Due {index}", now.AddHours(1), withdraw ? now.AddHours(2) : null);
            (withdraw ? publishThenWithdraw : publishOnly).Add(int.Parse(article["id"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        }

        nodeA.Clock.Advance(TimeSpan.FromHours(3));
        var schedulers = new FakeClockContentHubFactory[] { nodeA, nodeB }.Select(node => node.Services.GetRequiredService<ContentScheduler>()).ToList();
        var changes = 0;
        for (var round = 0; round < 5; round++)
        {
            var passes = Enumerable.Range(0, 6).Select(pass => Task.Run(() => schedulers[pass % 2].RunDueAsync(CancellationToken.None)));
            changes += (await Task.WhenAll(passes)).Sum();
        }

        Assert.Equal(publishOnly.Count + 2 * publishThenWithdraw.Count, changes);
        var done = await SchedulerWorkAsync(nodeA);
        Assert.All(publishOnly, id => Assert.Equal(
            (PublicationStatus.Published, "publish", "publishArticle SUCCEEDED"), (done.Statuses[id], done.Revisions[id], done.Audit[id])));
        Assert.All(publishThenWithdraw, id => Assert.Equal(
            (PublicationStatus.Archived, "publish archive", "publishArticle SUCCEEDED archiveArticle SUCCEEDED"),
            (done.Statuses[id], done.Revisions[id], done.Audit[id])));
    }

    [SkippableFact]
    public async Task Should_let_another_node_finish_the_pass_once_the_lease_of_a_node_that_died_mid_pass_lapses()
    {
        using var nodeA = new Node(_database);
        var editor = await nodeA.CreateClientAsync(ApiKeyRole.Editor);
        var now = nodeA.Clock.GetUtcNow();
        var ids = new List<int>();
        for (var index = 0; index < 6; index++)
        {
            var article = await ScheduledAsync(editor, $"Handed over {index}", now.AddHours(1), unpublishAt: null);
            ids.Add(int.Parse(article["id"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        }

        nodeA.Clock.Advance(TimeSpan.FromHours(2));
        using (var dying = new FakeClockNode(nodeA, Unseeded, Lease))
        {
            // The node takes the lease and publishes half of the due items; then it is gone, without giving the lease back.
            var lease = dying.Services.GetRequiredService<SchedulerLeases>();
            Assert.True(await lease.TryTakeAsync(CancellationToken.None));
            var due = nodeA.Clock.GetUtcNow().UtcDateTime;
            var half = ids[2];
            Assert.Equal(3, await dying.Services.GetRequiredService<ContentEditor<Article, ArticleSeed>>().RunDueAsync(lease, ContentTransition.Publish,
                a => a.PublishScheduledAt <= due && a.Status == PublicationStatus.Draft && a.Id <= half, CancellationToken.None));
        }

        var scheduler = nodeA.Services.GetRequiredService<ContentScheduler>();
        var whileHeld = await scheduler.RunDueAsync(CancellationToken.None);
        nodeA.Clock.Advance(TimeSpan.FromSeconds(29));
        var justBeforeItLapses = await scheduler.RunDueAsync(CancellationToken.None);
        nodeA.Clock.Advance(TimeSpan.FromSeconds(2));
        var afterItLapsed = await scheduler.RunDueAsync(CancellationToken.None);

        Assert.Equal((0, 0, 3), (whileHeld, justBeforeItLapses, afterItLapsed));
        var done = await SchedulerWorkAsync(nodeA);
        Assert.All(ids, id => Assert.Equal(
            (PublicationStatus.Published, "publish", "publishArticle SUCCEEDED"), (done.Statuses[id], done.Revisions[id], done.Audit[id])));
    }

    [SkippableFact]
    public async Task Should_read_again_an_item_an_editor_changed_after_the_pass_read_it_and_move_it_only_if_still_due()
    {
        using var nodeA = new Node(_database);
        var editor = await nodeA.CreateClientAsync(ApiKeyRole.Editor);
        var now = nodeA.Clock.GetUtcNow();
        var retitled = await ScheduledAsync(editor, "Retitled meanwhile", now.AddHours(1), unpublishAt: null);
        var postponed = await ScheduledAsync(editor, "Postponed meanwhile", now.AddHours(1), unpublishAt: null);
        var editsBetweenReadAndWrite = new AfterFirstDueRead(async () =>
        {
            await MutateAsync(editor, "updateArticle", retitled, new { title = "Retitled at the last minute" });
            await MutateAsync(editor, "scheduleArticle", postponed, extra: $"publishAt: \"{Iso(now.AddDays(3))}\"");
        });
        using var nodeB = nodeA.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(editsBetweenReadAndWrite)));
        nodeA.Clock.Advance(TimeSpan.FromHours(2));

        var changes = await nodeB.Services.GetRequiredService<ContentScheduler>().RunDueAsync(CancellationToken.None);

        Assert.True(editsBetweenReadAndWrite.Ran);
        Assert.Equal(1, changes);
        var done = await SchedulerWorkAsync(nodeA);
        var (retitledId, postponedId) = (Id(retitled), Id(postponed));
        Assert.Equal((PublicationStatus.Published, "publish", "publishArticle SUCCEEDED"),
            (done.Statuses[retitledId], done.Revisions[retitledId], done.Audit[retitledId]));
        Assert.Equal((PublicationStatus.Draft, "", ""), (done.Statuses[postponedId], done.Revisions[postponedId], done.Audit[postponedId]));
        await using var db = nodeA.CreateDbContext();
        Assert.Equal("Retitled at the last minute", await db.Articles.Where(a => a.Id == retitledId).Select(a => a.Title).SingleAsync());
    }

    [SkippableFact]
    public async Task Should_leave_each_item_moved_or_untouched_when_a_node_is_killed_mid_pass_and_let_the_next_pass_finish()
    {
        const int count = 400;
        using var node = new Node(_database);
        await using (var db = node.CreateDbContext())
        {
            for (var index = 0; index < count; index++)
            {
                var article = TestContent.Article($"due-{index:D3}", PublicationStatus.Draft);
                article.PublishScheduledAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc); // due on every clock here
                db.Articles.Add(article);
            }

            await db.SaveChangesAsync();
        }

        // A real server process on the same database, scheduling on the real clock, killed (SIGKILL) once it has moved some items.
        var environment = new Dictionary<string, string> { ["Seeding__OnStartup"] = "false" };
        using (var process = ServerProcess.Start(["--urls", "http://127.0.0.1:0"], node, environment))
        {
            var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (await ScheduledChangesAsync(node) < 10 && !process.HasExited)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), timeout.Token);
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(timeout.Token);
            await output;
        }

        var afterKill = await SchedulerWorkAsync(node);
        var moved = afterKill.Statuses.Count(item => item.Value == PublicationStatus.Published);
        Assert.InRange(moved, 1, count - 1);
        Assert.All(afterKill.Statuses.Keys, id => Assert.Contains(
            (afterKill.Statuses[id], afterKill.Revisions[id], afterKill.Audit[id]),
            new[] { (PublicationStatus.Published, "publish", "publishArticle SUCCEEDED"), (PublicationStatus.Draft, "", "") }));

        // The killed node's lease (on the real clock) lapses; then this node's pass finishes the rest.
        node.Clock.SetUtcNow(DateTimeOffset.UtcNow.AddMinutes(2));
        var finished = await node.Services.GetRequiredService<ContentScheduler>().RunDueAsync(CancellationToken.None);

        Assert.Equal(count - moved, finished);
        var done = await SchedulerWorkAsync(node);
        Assert.All(done.Statuses.Keys, id => Assert.Equal(
            (PublicationStatus.Published, "publish", "publishArticle SUCCEEDED"), (done.Statuses[id], done.Revisions[id], done.Audit[id])));
    }

    private static async Task<int> ScheduledChangesAsync(ContentHubFactory node)
    {
        await using var db = node.CreateDbContext();
        return await db.AuditLog.CountAsync(e => e.Actor == Viewer.Scheduler.Name);
    }

    private static async Task<JsonNode> ScheduledAsync(HttpClient editor, string title, DateTimeOffset publishAt, DateTimeOffset? unpublishAt)
    {
        var article = await CreateAsync(editor, new { title, body = "On time." });
        var times = $"publishAt: \"{Iso(publishAt)}\"" + (unpublishAt is { } at ? $", unpublishAt: \"{Iso(at)}\"" : "");
        return (await MutateAsync(editor, "scheduleArticle", article, extra: times))["article"]!;
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static int Id(JsonNode article) => int.Parse(article["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    /// <summary>Per article: its status, the operations of the scheduler's revisions and its audit entries with their outcomes, oldest first.</summary>
    private static async Task<SchedulerWork> SchedulerWorkAsync(ContentHubFactory node)
    {
        await using var db = node.CreateDbContext();
        var statuses = await db.Articles.ToDictionaryAsync(a => a.Id, a => a.Status);
        var revisions = await db.Revisions.Where(r => r.Actor == Viewer.Scheduler.Name && r.ContentType == "Article")
            .OrderBy(r => r.Version).Select(r => new { r.ContentId, r.Operation }).ToListAsync();
        var audit = await db.AuditLog.Where(e => e.Actor == Viewer.Scheduler.Name)
            .OrderBy(e => e.Id).Select(e => new { e.TargetId, e.Operation, e.Outcome }).ToListAsync();
        return new SchedulerWork(
            statuses,
            statuses.Keys.ToDictionary(id => id, id => string.Join(' ', revisions.Where(r => r.ContentId == id).Select(r => r.Operation))),
            statuses.Keys.ToDictionary(id => id, id => string.Join(' ', audit.Where(e => e.TargetId == id).Select(e => $"{e.Operation} {e.Outcome}"))));
    }

    private sealed record SchedulerWork(
        Dictionary<int, PublicationStatus> Statuses, Dictionary<int, string> Revisions, Dictionary<int, string> Audit);

    /// <summary>The node that owns the test's database: empty, with a short lease.</summary>
    private sealed class Node(TestDatabase database) : FakeClockContentHubFactory(database, Unseeded, Lease);

    /// <summary>Runs an action once, right after the first read of due article publications has been sent and before its rows are used.</summary>
    private sealed class AfterFirstDueRead(Func<Task> action) : DbCommandInterceptor
    {
        private int _ran;

        public bool Ran => Volatile.Read(ref _ran) == 1;

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"Articles\"", StringComparison.Ordinal)
                && command.CommandText.Contains("\"PublishScheduledAt\" <=", StringComparison.Ordinal) && Interlocked.Exchange(ref _ran, 1) == 0)
            {
                await action();
            }

            return result;
        }
    }

    public sealed class OnSqlite() : SchedulerAcrossNodesTests(TestDatabase.Sqlite);

    public sealed class OnPostgreSql() : SchedulerAcrossNodesTests(TestDatabase.PostgreSql);
}
