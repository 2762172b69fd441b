using ContentHub.Server.Hosting;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Editing;

/// <summary>
/// Publishes and withdraws items at their scheduled times, through the same editing pipeline as editors
/// (revisions, audit entries, versions), acting as <c>scheduler</c>. Time comes from the injected clock. Every node
/// may run it: a pass runs only while its node holds the database lease, so one node at a time acts on due items.
/// </summary>
public sealed partial class ContentScheduler(
    IEnumerable<IScheduledContent> contentTypes,
    SchedulerLeases lease,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    BackgroundWorkMetrics metrics,
    ILogger<ContentScheduler> logger) : PeriodicWork(clock, logger, metrics)
{
    private int _running;

    /// <summary>One pass over every content type's due schedules; nothing when another pass holds the lease.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        // This node's passes take turns too: the lease tells nodes apart, not passes of one node.
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            return 0;
        }

        try
        {
            return await RunLeasedAsync(cancellationToken);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    protected override TimeSpan? Interval =>
        options.Value.Enabled ? TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds)) : null;

    protected override Task<int> PassAsync(CancellationToken cancellationToken) => RunDueAsync(cancellationToken);

    protected override void LogChanges(int changes) => LogRun(Logger, changes);

    private async Task<int> RunLeasedAsync(CancellationToken cancellationToken)
    {
        if (!await lease.TryTakeAsync(cancellationToken))
        {
            return 0;
        }

        try
        {
            var changes = 0;
            foreach (var contentType in contentTypes)
            {
                changes += await contentType.RunDueSchedulesAsync(lease, cancellationToken);
            }

            return changes;
        }
        finally
        {
            // Also when the pass failed or the server is stopping: a node that stays up need not hold up the others.
            await lease.ReleaseAsync(CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler made {Changes} scheduled changes")]
    private static partial void LogRun(ILogger logger, int changes);
}
