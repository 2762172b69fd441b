using ContentHub.Server.Media;

namespace ContentHub.Server.Seeding.Export;

/// <summary>
/// The assets an export carries (those outside the trash) and the file name each gets under <c>media/</c>: its own,
/// which <c>/media/&lt;file&gt;</c> paths in content name. Where several assets share a name, the newest keeps it (the
/// one such a path shows) and the others get the first characters of their SHA-256 added.
/// </summary>
public sealed class ExportedMedia
{
    private const int HashCharacters = 12;

    private ExportedMedia(IReadOnlyList<(Asset Asset, string File)> files) => Files = files;

    /// <summary>Each asset with its file name, ordered by file name.</summary>
    public IReadOnlyList<(Asset Asset, string File)> Files { get; }

    /// <summary>The file name of each asset, by asset id.</summary>
    public IReadOnlyDictionary<int, string> FileNames => Files.ToDictionary(file => file.Asset.Id, file => file.File);

    public static ExportedMedia Of(IEnumerable<Asset> assets)
    {
        var files = assets
            .GroupBy(asset => IsPlainFileName(asset.FileName) ? asset.FileName : $"{asset.Sha256[..HashCharacters]}.{MediaPaths.Extension(asset.Format)}", StringComparer.Ordinal)
            .SelectMany(named => named.OrderByDescending(asset => asset.Id).Select((asset, index) => (asset, index == 0 ? named.Key : WithHash(named.Key, asset))))
            .OrderBy(file => file.Item2, StringComparer.Ordinal)
            .ToList();
        return new ExportedMedia(files);
    }

    /// <summary>The entries of <c>media.yaml</c>: what the seed format says about an image.</summary>
    public IEnumerable<MediaSeed> Entries() => Files.Select(file => new MediaSeed
    {
        File = file.File,
        Alt = file.Asset.Alt,
        Decorative = file.Asset.Decorative,
        Credit = file.Asset.Credit,
        License = file.Asset.License,
        ConsentOnFile = file.Asset.ConsentOnFile,
    });

    /// <summary>Copies each asset's stored bytes to <c>media/</c> under <paramref name="folder"/>.</summary>
    public async Task CopyAsync(IAssetStorage storage, string folder, CancellationToken cancellationToken)
    {
        var media = Directory.CreateDirectory(Path.Combine(folder, SeedMedia.Folder)).FullName;
        foreach (var (asset, file) in Files)
        {
            await using var source = storage.OpenRead(asset.Sha256)
                ?? throw new InvalidOperationException($"The stored file of asset {asset.Id} ('{asset.FileName}', {asset.Sha256}) is missing from the asset store.");
            await using var target = File.Create(Path.Combine(media, file));
            await source.CopyToAsync(target, cancellationToken);
        }
    }

    private static bool IsPlainFileName(string name) =>
        name.Length > 0 && name == Path.GetFileName(name) && name is not ("." or "..") && name.IndexOfAny(['/', '\\', '?', '#', ':']) < 0 && !name.StartsWith('.');

    private static string WithHash(string name, Asset asset) =>
        $"{Path.GetFileNameWithoutExtension(name)}-{asset.Sha256[..HashCharacters]}{Path.GetExtension(name)}";
}
