namespace ContentHub.Server.Site;

/// <summary>A link in the site footer.</summary>
public sealed record FooterLink
{
    /// <summary>The link text.</summary>
    public required string Label { get; init; }

    /// <summary>Where the link leads; empty when the source gave no address.</summary>
    public string? Url { get; init; }
}
