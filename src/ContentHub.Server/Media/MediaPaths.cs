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

    /// <summary>The file name in a site-relative path such as <c>/media/walk.jpg</c>; null for any other URL.</summary>
    public static string? FileNameIn(string? url) =>
        url is not null && url.StartsWith(Prefix + "/", StringComparison.Ordinal) && url.Length > Prefix.Length + 1
            && url.AsSpan(Prefix.Length + 1).IndexOfAny('/', '?', '#') < 0
            ? url[(Prefix.Length + 1)..]
            : null;
}
