namespace ContentHub.Server.Editing;

/// <summary>Whether and how often the scheduler looks for due publications. Bound from the <c>Scheduling</c> section.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Run the scheduler in this process. With several servers on one database, enable it on one only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between runs: a scheduled change happens at most this late.</summary>
    public int IntervalSeconds { get; set; } = 15;
}
