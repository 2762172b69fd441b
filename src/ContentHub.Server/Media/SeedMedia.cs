using ContentHub.Server.Seeding;

namespace ContentHub.Server.Media;

/// <summary>
/// Imports the images a seed folder lists in <c>media.yaml</c> (files under <c>media/</c>) as assets, through the
/// same checks and metadata stripping as uploads. Identical bytes are found again, so importing twice adds nothing.
/// </summary>
public sealed class SeedMedia(AssetIngest ingest)
{
    public const string ListFile = "media.yaml";
    public const string Folder = "media";
    private const string Importer = "seed";

    /// <summary>Checks (and unless <paramref name="dryRun"/>, imports) every listed file; problems go to <paramref name="errors"/>.</summary>
    public async Task ImportAsync(string folder, bool dryRun, List<SeedError> errors, CancellationToken cancellationToken)
    {
        var list = Path.Combine(folder, ListFile);
        if (!File.Exists(list))
        {
            return;
        }

        foreach (var entry in SeedYaml.ReadList<MediaSeed>(await File.ReadAllTextAsync(list, cancellationToken), ListFile, errors))
        {
            var name = entry.Item.File;
            var path = name is null || name != Path.GetFileName(name) ? null : Path.Combine(folder, Folder, name);
            if (path is null || !File.Exists(path))
            {
                errors.Add(entry.Error($"file '{name}' is not a file in {Folder}/"));
                continue;
            }

            if (dryRun)
            {
                continue;
            }

            var details = new AssetDetails
            {
                Alt = entry.Item.Alt,
                Decorative = entry.Item.Decorative,
                Credit = entry.Item.Credit,
                License = entry.Item.License,
                ConsentOnFile = entry.Item.ConsentOnFile,
            };
            await using var content = File.OpenRead(path);
            var payload = await ingest.IngestAsync(content, content.Length, name!, details, Importer, cancellationToken);
            errors.AddRange(payload.Errors.Select(error => entry.Error($"{name}: {error.Field}: {error.Message} ({error.Code})")));
        }
    }
}
