using System.Data.Common;
using Microsoft.Data.Sqlite;
using static SQLitePCL.raw;

namespace ContentHub.Server.Data.Sqlite;

/// <summary>SQLite's result codes (https://sqlite.org/rescode.html), primary and extended.</summary>
public sealed class SqliteErrorClassifier : IDatabaseErrorClassifier
{
    public DatabaseFailure Classify(DbException exception)
    {
        if (exception is not SqliteException sqlite)
        {
            return DatabaseFailure.Internal;
        }

        return sqlite.SqliteErrorCode switch
        {
            // Locked past the busy timeout, interrupted (a cancelled command), the file missing, unreadable, damaged
            // or not a database, the disk full, the file or directory read-only, no memory.
            SQLITE_BUSY or SQLITE_LOCKED or SQLITE_INTERRUPT or SQLITE_CANTOPEN or SQLITE_IOERR or SQLITE_CORRUPT or SQLITE_NOTADB
                or SQLITE_FULL or SQLITE_READONLY or SQLITE_PERM or SQLITE_NOMEM or SQLITE_PROTOCOL => DatabaseFailure.Unavailable,
            SQLITE_CONSTRAINT => sqlite.SqliteExtendedErrorCode switch
            {
                SQLITE_CONSTRAINT_UNIQUE or SQLITE_CONSTRAINT_PRIMARYKEY => DatabaseFailure.Duplicate,
                SQLITE_CONSTRAINT_FOREIGNKEY => DatabaseFailure.Conflict,
                _ => DatabaseFailure.Internal, // CHECK, NOT NULL: input our own rules should have refused
            },
            _ => DatabaseFailure.Internal,
        };
    }
}
