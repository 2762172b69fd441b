using ContentHub.Server.Hosting;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Editing;

/// <summary>
/// Publishes and withdraws items at their scheduled times, through the same editing pipeline as editors
/// (revisions, audit entries, versions), acting as <c>scheduler</c>. Time comes from the injected clock.
/// </summary>
public sealed partial class ContentScheduler(
    IEnumerable<IScheduledContent> contentTypes,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    ILogger<ContentScheduler> logger) : PeriodicWork(clock, logger)
{
    /// <summary>One pass over every content type's due schedules.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var changes = 0;
        foreach (var contentType in contentTypes)
        {
            changes += await contentType.RunDueSchedulesAsync(cancellationToken);
        }

        return changes;
    }

    protected override TimeSpan? Interval =>
        options.Value.Enabled ? TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds)) : null;

    protected override Task<int> PassAsync(CancellationToken cancellationToken) => RunDueAsync(cancellationToken);

    protected override void LogChanges(int changes) => LogRun(Logger, changes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler made {Changes} scheduled changes")]
    private static partial void LogRun(ILogger logger, int changes);
}
