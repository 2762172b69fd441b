using GraphQL;

namespace ContentHub.Server.Content;

/// <summary>An image reference with the text that describes it to people who cannot see it.</summary>
[InputName("ImageInput")]
public sealed record Image
{
    /// <summary>Absolute http(s) URL of the image; empty when the source gave none.</summary>
    public string? Url { get; init; }

    /// <summary>Alternative text, read out by screen readers and shown when the image fails to load.</summary>
    public required string Alt { get; init; }
}
