using System.ComponentModel.DataAnnotations;

namespace ContentHub.Server.Editing;

/// <summary>How long the audit log keeps its entries. Bound from the <c>AuditLog</c> section and validated at start-up.</summary>
public sealed class AuditLogOptions
{
    public const string Section = "AuditLog";

    /// <summary>Entries older than this many days are deleted in the background; 0 keeps them for ever.</summary>
    [Range(0, 36_500)]
    public int RetentionDays { get; set; } = 365;

    /// <summary>Minutes between two trims (the first runs at start-up).</summary>
    [Range(1, 10_080)]
    public int TrimIntervalMinutes { get; set; } = 60;
}
