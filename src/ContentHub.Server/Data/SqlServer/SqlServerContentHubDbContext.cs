using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Data.SqlServer;

public sealed class SqlServerContentHubDbContext(DbContextOptions<SqlServerContentHubDbContext> options)
    : ContentHubDbContext(options)
{
    /// <summary>The error number raised when the lock is not granted (see <see cref="SqlServerErrorClassifier"/>).</summary>
    public const int LockNotGranted = 51205;

    // sp_getapplock answers a deadlock or timeout with a status, not an error: raised here, it reads as a conflict.
    protected override Task TakeTransactionLockAsync(string resource, CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"""
            DECLARE @granted int;
            EXEC @granted = sp_getapplock @Resource = {resource}, @LockMode = 'Exclusive', @LockOwner = 'Transaction';
            IF @granted < 0 THROW 51205, 'The application lock was not granted.', 1;
            """, cancellationToken);
}
