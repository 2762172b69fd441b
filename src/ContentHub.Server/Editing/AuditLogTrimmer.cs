using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Editing;

/// <summary>Deletes audit entries older than <see cref="AuditLogOptions.RetentionDays"/>, at start-up and then on the injected clock.</summary>
public sealed partial class AuditLogTrimmer(
    IDbContextFactory<ContentHubDbContext> contexts,
    IOptions<AuditLogOptions> options,
    TimeProvider clock,
    ILogger<AuditLogTrimmer> logger) : BackgroundService
{
    /// <summary>One trim; returns how many entries it deleted.</summary>
    public async Task<int> TrimAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RetentionDays == 0)
        {
            return 0;
        }

        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditLog.Where(e => e.At < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.TrimIntervalMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await TrimAsync(stoppingToken) is > 0 and var deleted)
                {
                    LogTrimmed(deleted);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception); // e.g. the database is briefly unavailable: the next trim catches up
            }

            await Task.Delay(interval, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} audit entries past their retention")]
    private partial void LogTrimmed(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit log trim failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
