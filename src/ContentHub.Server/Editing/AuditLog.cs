using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Editing;

/// <summary>Writes the audit trail: one entry per mutation attempt.</summary>
public sealed class AuditLog(IDbContextFactory<ContentHubDbContext> contexts, TimeProvider clock)
{
    public const string Succeeded = "SUCCEEDED";

    public static AuditEntry Entry(string actor, string operation, string targetType, int? targetId, string outcome, DateTime at) =>
        new() { Actor = actor, Operation = operation, TargetType = targetType, TargetId = targetId, Outcome = outcome, At = at };

    /// <summary>
    /// Records an attempt in its own transaction: used for refusals, whose own transaction wrote nothing.
    /// Recorded even when the caller has gone, so it takes no cancellation.
    /// </summary>
    public async Task RecordAsync(string actor, string operation, string targetType, int? targetId, string outcome)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        db.AuditLog.Add(Entry(actor, operation, targetType, targetId, outcome, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
