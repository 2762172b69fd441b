using ContentHub.Server.Data;
using ContentHub.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Editing;

/// <summary>Deletes audit entries older than <see cref="AuditLogOptions.RetentionDays"/>, at start-up and then on the injected clock.</summary>
public sealed partial class AuditLogTrimmer(
    IDbContextFactory<ContentHubDbContext> contexts,
    IOptions<AuditLogOptions> options,
    TimeProvider clock,
    BackgroundWorkMetrics metrics,
    ILogger<AuditLogTrimmer> logger) : PeriodicWork(clock, logger, metrics)
{
    /// <summary>One trim; returns how many entries it deleted.</summary>
    public async Task<int> TrimAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RetentionDays == 0)
        {
            return 0;
        }

        var cutoff = Clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditLog.Where(e => e.At < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    protected override TimeSpan? Interval => TimeSpan.FromMinutes(options.Value.TrimIntervalMinutes);

    protected override Task<int> PassAsync(CancellationToken cancellationToken) => TrimAsync(cancellationToken);

    protected override void LogChanges(int changes) => LogTrimmed(Logger, changes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} audit entries past their retention")]
    private static partial void LogTrimmed(ILogger logger, int count);
}
