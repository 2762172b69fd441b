namespace ContentHub.Server.Media;

/// <summary>The image formats ContentHub stores, told apart by the file's first bytes.</summary>
public enum AssetFormat
{
    Jpeg,
    Png,
    Webp,
    Avif,
    Gif,
}
