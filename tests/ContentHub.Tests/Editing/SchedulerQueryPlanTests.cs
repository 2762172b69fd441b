using System.Data.Common;
using ContentHub.Server.Editing;
using ContentHub.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ContentHub.Tests.Editing;

/// <summary>
/// The plans of the scheduler's reads of due items, as its pass sends them: every content type's due publications
/// and withdrawals are found through the filtered indexes on the scheduled times, never by reading a whole table.
/// (On PostgreSQL sequential scans are priced out: the catalogue is small enough that the planner would rightly read
/// it whole, so the test asks whether an index serves each read.)
/// </summary>
public abstract class SchedulerQueryPlanTests
{
    private static readonly string[] Tables = ["Articles", "Categories", "Disclaimers", "Facts", "Promotions"];

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
            plans.Add(_factory.Database == TestDatabase.PostgreSql ? await PostgreSqlPlanAsync(read) : await SqlitePlanAsync(read));
        }

        Assert.Equal(2 * Tables.Length, plans.Count);
        Assert.All(plans, plan => Assert.DoesNotMatch(@"(?m)^SCAN (?!.* USING )|Seq Scan", plan));
        Assert.All(Tables.SelectMany(table => new[] { $"IX_{table}_Status_PublishScheduledAt", $"IX_{table}_Status_UnpublishScheduledAt" }),
            index => Assert.Contains(plans, plan => plan.Contains(index, StringComparison.Ordinal)));
    }

    private async Task<string> SqlitePlanAsync(SqlCommandRecord read)
    {
        await using var connection = new SqliteConnection($"Data Source={_factory.DatabasePath}");
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + read.Sql;
        foreach (var (name, value) in read.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return await ReadPlanAsync(explain, column: 3);
    }

    private async Task<string> PostgreSqlPlanAsync(SqlCommandRecord read)
    {
        await using var connection = new NpgsqlConnection(_factory.DatabaseSettings["ConnectionStrings:ContentHub"]);
        await connection.OpenAsync();
        await using (var settings = new NpgsqlCommand("ANALYZE; SET enable_seqscan = off;", connection))
        {
            await settings.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + read.Sql, connection);
        foreach (var (name, value) in read.Parameters)
        {
            explain.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        }

        return await ReadPlanAsync(explain, column: 0);
    }

    private static async Task<string> ReadPlanAsync(DbCommand explain, int column)
    {
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(column).Trim());
        }

        return string.Join('\n', lines);
    }

    public sealed class OnSqlite(FakeClockContentHubFactory factory) : SchedulerQueryPlanTests(factory), IClassFixture<FakeClockContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlFakeClockContentHubFactory factory) : SchedulerQueryPlanTests(factory), IClassFixture<PostgreSqlFakeClockContentHubFactory>;
}
