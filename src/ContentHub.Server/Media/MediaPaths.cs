namespace ContentHub.Server.Media;

/// <summary>The URLs under which ContentHub serves assets.</summary>
public static class MediaPaths
{
    public const string Prefix = "/media";

    /// <summary>The stored file itself: its address is its content, so it never changes.</summary>
    public static string Original(string sha256, AssetFormat format) => $"{Prefix}/{sha256}.{Extension(format)}";

    public static string Extension(AssetFormat format) => format.ToString().ToLowerInvariant() switch
    {
        "jpeg" => "jpg",
        var name => name,
    };

    public static string ContentType(AssetFormat format) => "image/" + format.ToString().ToLowerInvariant();
}
