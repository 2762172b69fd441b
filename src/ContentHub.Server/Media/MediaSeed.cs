namespace ContentHub.Server.Media;

/// <summary>An entry of a seed folder's <c>media.yaml</c>: an image file under <c>media/</c> and what to say about it.</summary>
public sealed class MediaSeed
{
    /// <summary>The file's name in the seed folder's <c>media/</c>, e.g. <c>spine-surgery.jpg</c>; front matter refers to it as <c>/media/spine-surgery.jpg</c>.</summary>
    public string? File { get; set; }

    public string? Alt { get; set; }

    public bool Decorative { get; set; }

    public string? Credit { get; set; }

    public string? License { get; set; }

    public bool ConsentOnFile { get; set; }
}
