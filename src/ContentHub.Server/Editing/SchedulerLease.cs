namespace ContentHub.Server.Editing;

/// <summary>
/// Which node may run the scheduler's pass, and until when: one row per lease, taken and renewed by a conditional
/// update, so every node of a database agrees on one holder whatever the provider.
/// </summary>
public sealed class SchedulerLease
{
    public required string Name { get; set; }

    public required string Owner { get; set; }

    /// <summary>When the lease lapses (UTC, on the holder's clock) unless the holder renews it; any node may take it then.</summary>
    public DateTime ExpiresAt { get; set; }
}
