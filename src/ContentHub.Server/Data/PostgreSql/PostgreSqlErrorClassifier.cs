using System.Data.Common;
using Npgsql;

namespace ContentHub.Server.Data.PostgreSql;

/// <summary>PostgreSQL's SQLSTATE codes (https://www.postgresql.org/docs/current/errcodes-appendix.html) and Npgsql's own failures.</summary>
public sealed class PostgreSqlErrorClassifier : IDatabaseErrorClassifier
{
    public DatabaseFailure Classify(DbException exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation => DatabaseFailure.Duplicate,
            // A serialization failure, a deadlock, a row lock not taken at once (NOWAIT), or a row referred to or
            // referring that a concurrent write removed or added after our checks: another writer won.
            PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
                or PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.ForeignKeyViolation => DatabaseFailure.Conflict,
            // Connection failures, the server shutting down or starting, too many connections, out of disk or
            // memory, and a statement cancelled by its timeout.
            PostgresErrorCodes.ConnectionException or PostgresErrorCodes.SqlClientUnableToEstablishSqlConnection
                or PostgresErrorCodes.ConnectionDoesNotExist or PostgresErrorCodes.SqlServerRejectedEstablishmentOfSqlConnection
                or PostgresErrorCodes.ConnectionFailure or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.DiskFull
                or PostgresErrorCodes.OutOfMemory or PostgresErrorCodes.QueryCanceled => DatabaseFailure.Unavailable,
            _ => DatabaseFailure.Internal, // 23514, 23502 included: input our own rules should have refused
        },
        // No SQLSTATE: the client's own failure to reach or hear the server (a socket error, a timeout).
        NpgsqlException { SqlState: null } or NpgsqlException { IsTransient: true } => DatabaseFailure.Unavailable,
        _ => DatabaseFailure.Internal,
    };
}
