namespace ContentHub.Server.Site;

/// <summary>A phone number readers can call.</summary>
public sealed record ContactPhone
{
    /// <summary>What the number is for, e.g. "Appointments".</summary>
    public required string Label { get; init; }

    /// <summary>The number as printed on the site.</summary>
    public required string Number { get; init; }
}
