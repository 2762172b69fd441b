using System.ComponentModel.DataAnnotations;

namespace ContentHub.Server.Editing;

/// <summary>Whether and how often the scheduler looks for due publications. Bound from the <c>Scheduling</c> section and validated at start-up.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Run the scheduler in this process. Every node of a database may: one at a time holds the lease and runs a pass.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between runs: a scheduled change happens at most this late.</summary>
    public int IntervalSeconds { get; set; } = 15;

    /// <summary>
    /// Seconds a node holds the scheduler's lease without renewing it (a pass renews it at half-time): how long the
    /// other nodes wait before taking over from a node that died mid-pass.
    /// </summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 60;
}
