namespace ContentHub.Server.Media;

/// <summary>The encoding of a rendition.</summary>
public enum RenditionFormat
{
    Jpeg,
    Png,
    Webp,
    Avif,

    /// <summary>AVIF or WebP when the browser's Accept header lists it, else JPEG: the answer varies by Accept.</summary>
    Auto,
}
