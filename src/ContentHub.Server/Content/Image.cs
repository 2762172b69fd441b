using GraphQL;

namespace ContentHub.Server.Content;

/// <summary>An image reference with the text that describes it to people who cannot see it.</summary>
[InputName("ImageInput")]
public sealed record Image
{
    /// <summary>An absolute http(s) URL or a site-relative path (<c>/media/walk.jpg</c>); empty when the source gave none or it is an asset.</summary>
    public string? Url { get; init; }

    /// <summary>The uploaded asset shown (see <c>uploadAsset</c>), when the image is one.</summary>
    [Id]
    public int? AssetId { get; init; }

    /// <summary>Alternative text, read out by screen readers and shown when the image fails to load.</summary>
    public required string Alt { get; init; }
}
