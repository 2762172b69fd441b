namespace ContentHub.Server.Data;

/// <summary>What a database exception means for the request that met it (see <see cref="IDatabaseErrorClassifier"/>).</summary>
public enum DatabaseFailure
{
    /// <summary>Not the database's state but the command: a bug (a missing table, a broken query). A 500, logged.</summary>
    Internal,

    /// <summary>The database cannot serve now: unreachable, timed out, busy or locked, out of space, read-only, damaged. A 503 to retry.</summary>
    Unavailable,

    /// <summary>The write collided with a concurrent one (a deadlock, a row removed meanwhile): read again and retry.</summary>
    Conflict,

    /// <summary>A unique index refused the write: another row already has the key.</summary>
    Duplicate,
}
