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
    ILogger<ContentScheduler> logger) : BackgroundService
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunDueAsync(stoppingToken) is > 0 and var changes)
                {
                    LogRun(changes);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception); // e.g. the database is briefly unavailable: the next run catches up
            }

            await Task.Delay(interval, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler made {Changes} scheduled changes")]
    private partial void LogRun(int changes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduler run failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
