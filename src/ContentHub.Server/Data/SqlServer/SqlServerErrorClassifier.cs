using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace ContentHub.Server.Data.SqlServer;

/// <summary>SQL Server's error numbers (sys.messages) and the client's own for connection failures.</summary>
public sealed class SqlServerErrorClassifier : IDatabaseErrorClassifier
{
    private static readonly HashSet<int> s_unavailable =
    [
        -2, // command timeout
        -1, 2, 53, 64, 121, 233, 10053, 10054, 10060, 10061, 11001, // the server cannot be reached or dropped the connection
        1222, // lock request timeout
        4060, 18456, // the database cannot be opened, or the login fails: a deployment problem the caller cannot fix
        942, 945, 950, 3906, // the database is offline, cannot be opened or upgraded, or read-only
        1101, 1105, 9002, // out of space: data or log
        701, 802, 8645, // out of memory
        40197, 40501, 40613, 49918, 49919, 49920, // Azure SQL: busy, throttled or moving
    ];

    public DatabaseFailure Classify(DbException exception)
    {
        if (exception is not SqlException sql)
        {
            return DatabaseFailure.Internal;
        }

        var numbers = sql.Errors.Cast<SqlError>().Select(e => e.Number).Append(sql.Number).ToList();
        if (numbers.Any(s_unavailable.Contains))
        {
            return DatabaseFailure.Unavailable;
        }

        return numbers.Any(n => n is 2601 or 2627) ? DatabaseFailure.Duplicate // a unique index or constraint
            : numbers.Any(n => n is 1205 or SqlServerContentHubDbContext.LockNotGranted) || IsForeignKeyViolation(sql)
                ? DatabaseFailure.Conflict // a deadlock victim, or a row referred to or referring that a concurrent write changed
            : DatabaseFailure.Internal;
    }

    /// <summary>
    /// Error 547 names foreign keys ("REFERENCE constraint" on a delete, "FOREIGN KEY constraint" on an insert or
    /// update) and CHECK constraints alike; only its message tells them apart. A CHECK violation stays a bug.
    /// </summary>
    private static bool IsForeignKeyViolation(SqlException sql) =>
        sql.Errors.Cast<SqlError>().Any(e => e.Number == 547
            && (e.Message.Contains("REFERENCE constraint", StringComparison.Ordinal) || e.Message.Contains("FOREIGN KEY constraint", StringComparison.Ordinal)));
}
