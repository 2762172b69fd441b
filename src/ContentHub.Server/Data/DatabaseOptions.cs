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
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}
