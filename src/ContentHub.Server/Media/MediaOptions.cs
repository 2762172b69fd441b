using System.ComponentModel.DataAnnotations;

namespace ContentHub.Server.Media;

/// <summary>Section <c>Media</c>: where assets are stored and what an upload may be.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The folder of the asset store (originals and renditions); relative paths are under the content root.</summary>
    [Required]
    public string Path { get; set; } = "media-store";

    /// <summary>Largest file accepted, in bytes.</summary>
    [Range(1024, 1L << 30)]
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Most pixels (width × height) accepted, read from the header before anything is decoded.</summary>
    [Range(1, 1L << 31)]
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>
    /// The secret that signs rendition URLs (HMAC-SHA256), the same on every node. Empty: a random key is made once and
    /// kept in the asset store's folder.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The widest rendition made, in pixels; a rendition is never wider than its original either.</summary>
    [Range(16, 16_384)]
    public int MaxRenditionWidth { get; set; } = 3840;

    /// <summary>How many renditions are made at once; further requests wait their turn, so memory stays bounded.</summary>
    [Range(1, 64)]
    public int MaxConcurrentRenditions { get; set; } = 2;

    /// <summary>Most frames an animated GIF or WebP may have.</summary>
    [Range(1, 10_000)]
    public int MaxFrames { get; set; } = 300;
}
