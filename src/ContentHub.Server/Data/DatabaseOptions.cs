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
    /// How many GraphQL requests may run at the same time (<see cref="DatabaseTurns"/>; answers from the response cache
    /// do not count); 0 for no limit. When not set: the processor count (at least 2) on SQLite, whose commands run
    /// synchronously, and no limit on the server databases, whose drivers wait for the network without a thread.
    /// </summary>
    [Range(0, 10_000)]
    public int? MaxConcurrentRequests { get; set; }

    public int ConcurrentRequestLimit => MaxConcurrentRequests ?? (Provider == DatabaseProvider.Sqlite ? Math.Max(2, Environment.ProcessorCount) : 0);
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}
