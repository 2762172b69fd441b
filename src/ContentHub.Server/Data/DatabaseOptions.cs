using System.ComponentModel.DataAnnotations;

namespace ContentHub.Server.Data;

/// <summary>Which database ContentHub stores its content in. Bound from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "ContentHub";

    /// <summary>The database engine; the connection string comes from <c>ConnectionStrings:ContentHub</c>.</summary>
    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// How many HTTP requests may use the database at the same time (<see cref="DatabaseTurns"/>); 0 for no limit.
    /// When not set: twice the processor count on SQLite, whose commands run synchronously, and no limit on the
    /// server databases, whose drivers wait for the network without a thread and keep their own connection pools.
    /// </summary>
    [Range(0, 10_000)]
    public int? MaxConcurrentRequests { get; set; }

    public int ConcurrentRequestLimit => MaxConcurrentRequests ?? (Provider == DatabaseProvider.Sqlite ? 2 * Environment.ProcessorCount : 0);
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}
