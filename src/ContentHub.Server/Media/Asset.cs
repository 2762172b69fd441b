using ContentHub.Server.Content;
using GraphQL;

namespace ContentHub.Server.Media;

/// <summary>An uploaded image, stored under the SHA-256 of its bytes (metadata stripped on ingest), with its description and rights.</summary>
public sealed class Asset : ITimestamped
{
    [Id]
    public int Id { get; set; }

    /// <summary>SHA-256 of the stored bytes, in lower-case hex: the asset's address in the store.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The name the file was uploaded with, for editors to recognise it; never used to tell its type.</summary>
    public required string FileName { get; set; }

    public AssetFormat Format { get; set; }

    /// <summary>Where the stored file is served (site-relative); renditions come from <c>Image.url</c>.</summary>
    public string Url => MediaPaths.Original(Sha256, Format);

    /// <summary>Size of the stored (stripped) file in bytes.</summary>
    public long Bytes { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>The average colour as <c>#rrggbb</c>, to paint while the image loads.</summary>
    public required string DominantColor { get; set; }

    /// <summary>A BlurHash (https://blurha.sh) of the image: a blurred preview in a few dozen characters.</summary>
    public required string Placeholder { get; set; }

    /// <summary>Alternative text; required unless the image is decorative.</summary>
    public string? Alt { get; set; }

    /// <summary>A purely decorative image, which screen readers skip (empty alt).</summary>
    public bool Decorative { get; set; }

    /// <summary>Who made the image, as it must be credited, e.g. "Photo: Jane Doe".</summary>
    public string? Credit { get; set; }

    /// <summary>Under which licence or agreement the image is used.</summary>
    public string? License { get; set; }

    /// <summary>A recognisable patient's written consent to publication is on file.</summary>
    public bool ConsentOnFile { get; set; }

    /// <summary>Horizontal position of the focal point, 0 (left) to 1 (right); crops keep it in view.</summary>
    public double FocalX { get; set; } = 0.5;

    /// <summary>Vertical position of the focal point, 0 (top) to 1 (bottom).</summary>
    public double FocalY { get; set; } = 0.5;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>When the asset was moved to the trash (<c>deleteAsset</c>); empty while it is in use.</summary>
    public DateTime? DeletedAt { get; set; }
}
