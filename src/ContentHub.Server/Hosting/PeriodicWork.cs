namespace ContentHub.Server.Hosting;

/// <summary>
/// A background job that makes one pass at start-up and then one every <see cref="Interval"/> on the injected clock.
/// A failed pass is logged and the next one catches up (e.g. after the database was briefly unavailable). Passes are
/// counted in <see cref="BackgroundWorkMetrics"/>.
/// </summary>
public abstract partial class PeriodicWork(TimeProvider clock, ILogger logger, BackgroundWorkMetrics metrics) : BackgroundService
{
    /// <summary>The time between passes; null when the job is switched off.</summary>
    protected abstract TimeSpan? Interval { get; }

    /// <summary>One pass; returns how many things it changed.</summary>
    protected abstract Task<int> PassAsync(CancellationToken cancellationToken);

    protected TimeProvider Clock => clock;

    protected ILogger Logger => logger;

    /// <summary>Logs a pass that changed something.</summary>
    protected abstract void LogChanges(int changes);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval is not { } interval)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var changes = await PassAsync(stoppingToken);
                metrics.Passed(GetType().Name, changes);
                if (changes > 0)
                {
                    LogChanges(changes);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                metrics.Failed(GetType().Name);
                LogFailed(logger, GetType().Name, exception);
            }

            await Task.Delay(interval, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} pass failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, string job, Exception exception);
}
