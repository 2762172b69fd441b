using ContentHub.Server.Editing;
using ContentHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Tests.Editing;

/// <summary>
/// The plans of the scheduler's reads of due items, as its pass sends them: every content type's due publications
/// and withdrawals are found through the filtered indexes on the scheduled times, never by reading a whole table.
/// </summary>
public abstract class SchedulerQueryPlanTests
{
    private static readonly string[] Tables = ["Articles", "Categories", "Disclaimers", "Facts", "Promotions", "People"];

    private readonly FakeClockContentHubFactory _factory;

    private SchedulerQueryPlanTests(FakeClockContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_find_due_items_through_the_schedule_indexes()
    {
        _factory.SqlCommands.Reset();
        await _factory.Services.GetRequiredService<ContentScheduler>().RunDueAsync(CancellationToken.None);
        var reads = _factory.SqlCommands.Commands.Where(c => c.Sql.Contains("ScheduledAt\" <=", StringComparison.Ordinal)).ToList();

        var plans = new List<string>();
        foreach (var read in reads)
        {
            plans.Add(await _factory.ExplainAsync(read));
        }

        Assert.Equal(2 * Tables.Length, plans.Count);
        Assert.All(plans, plan => Assert.DoesNotMatch(@"(?m)^SCAN (?!.* USING )|Seq Scan", plan));
        Assert.All(Tables.SelectMany(table => new[] { $"IX_{table}_Status_PublishScheduledAt", $"IX_{table}_Status_UnpublishScheduledAt" }),
            index => Assert.Contains(plans, plan => plan.Contains(index, StringComparison.Ordinal)));
    }

    public sealed class OnSqlite(FakeClockContentHubFactory factory) : SchedulerQueryPlanTests(factory), IClassFixture<FakeClockContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlFakeClockContentHubFactory factory) : SchedulerQueryPlanTests(factory), IClassFixture<PostgreSqlFakeClockContentHubFactory>;
}
