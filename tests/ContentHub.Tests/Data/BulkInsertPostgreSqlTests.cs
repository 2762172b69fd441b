using ContentHub.Server.Data;
using ContentHub.Server.Data.PostgreSql;
using ContentHub.Server.Editing;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Data;

/// <summary>
/// A bulk insert writes each row's own values when Npgsql prepares its command along the way (a connection string
/// with <c>Max Auto Prepare</c>): a prepared Npgsql command ignores parameters replaced after its preparation.
/// </summary>
public sealed class BulkInsertPostgreSqlTests(PostgreSqlContentHubFactory factory) : IClassFixture<PostgreSqlContentHubFactory>
{
    [SkippableFact]
    public async Task Should_write_every_rows_values_when_the_insert_gets_prepared_on_the_way()
    {
        factory.SkipUnlessAvailable();
        var connection = factory.DatabaseSettings["ConnectionStrings:ContentHub"] + ";Max Auto Prepare=10;Auto Prepare Min Usages=2";
        var options = new DbContextOptionsBuilder<PostgreSqlContentHubDbContext>().UseNpgsql(connection).Options;
        var at = new DateTime(2026, 12, 5, 0, 0, 0, DateTimeKind.Utc);
        var rows = Enumerable.Range(1, 8).Select(i => AuditLog.Entry("bulk-test", "test", "Article", 9_000 + i, "ok", at.AddMinutes(i))).ToList();

        await using (var db = new PostgreSqlContentHubDbContext(options))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkInsert.InsertAsync<AuditEntry>(db, rows, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var check = factory.CreateDbContext();
        var written = await check.AuditLog.Where(e => e.Actor == "bulk-test").OrderBy(e => e.TargetId).Select(e => new { e.TargetId, e.At }).ToListAsync();
        Assert.Equal(rows.Select(r => (r.TargetId, r.At)), written.Select(w => (w.TargetId, w.At)));
    }
}
