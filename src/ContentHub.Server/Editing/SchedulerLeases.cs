using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Editing;

/// <summary>
/// This node's hold on the scheduler's lease in the database: only its holder runs a pass, so two nodes never act on
/// the same due item. A pass takes it, renews it as it goes and gives it back at its end; a holder that dies keeps it
/// until it lapses (<see cref="SchedulingOptions.LeaseSeconds"/>), and then any node takes it. Other jobs that one node
/// at a time may run (the webhook dispatcher) hold a lease of their own <paramref name="name"/> the same way.
/// </summary>
public sealed class SchedulerLeases(
    IDbContextFactory<ContentHubDbContext> contexts,
    IDatabaseErrorClassifier databaseErrors,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    string name = SchedulerLeases.Scheduler)
{
    public const string Scheduler = "scheduler";

    private DateTime _renewAt = DateTime.MinValue;

    /// <summary>This node as the lease names it: one per server instance, even with several in one process (tests).</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Takes the lease when it is free or has lapsed, or renews it when this node holds it; false when another node holds it.</summary>
    public async Task<bool> TryTakeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        var until = now + lease;
        var owner = Owner;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One conditional update: where two nodes race for a lapsed lease, the database lets only one match.
        var taken = await db.SchedulerLeases
            .Where(l => l.Name == name && (l.Owner == owner || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Owner, owner).SetProperty(l => l.ExpiresAt, until), cancellationToken) == 1;
        if (!taken && !await db.SchedulerLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            db.SchedulerLeases.Add(new SchedulerLease { Name = name, Owner = owner, ExpiresAt = until });
            taken = await TryInsertAsync(db, cancellationToken);
        }

        _renewAt = taken ? now + lease / 2 : DateTime.MinValue;
        return taken;
    }

    /// <summary>Asked before each item of a pass: whether this node still holds the lease, renewed once half of it has gone.</summary>
    public async Task<bool> KeepAsync(CancellationToken cancellationToken) =>
        clock.GetUtcNow().UtcDateTime < _renewAt || await TryTakeAsync(cancellationToken);

    /// <summary>Lets the lease lapse now, so that the next node's pass need not wait for it.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var owner = Owner;
        _renewAt = DateTime.MinValue;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.SchedulerLeases
            .Where(l => l.Name == name && l.Owner == owner)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAt, now), cancellationToken);
    }

    private async Task<bool> TryInsertAsync(ContentHubDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (databaseErrors.ClassifyAny(exception) is DatabaseFailure.Duplicate)
        {
            return false; // another node's very first pass inserted it first
        }
    }
}
