using System.ComponentModel.DataAnnotations;

namespace ContentHub.Server.Facts;

/// <summary>How the "Did you know?" fact rotates. Bound from the <c>Facts</c> section.</summary>
public sealed class FactsOptions
{
    public const string Section = "Facts";

    /// <summary>Minutes during which <c>randomFact</c> answers every reader with the same fact. Windows are counted from 0001-01-01 UTC, so 60 starts them on the hour.</summary>
    [Range(1, 7 * 24 * 60)]
    public int RotationMinutes { get; set; } = 60;
}
