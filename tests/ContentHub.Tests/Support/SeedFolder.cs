namespace ContentHub.Tests.Support;

/// <summary>A temporary seed folder: a copy of the repository's seed-data/ or files a test writes.</summary>
public sealed class SeedFolder : IDisposable
{
    private SeedFolder(string path) => Path = path;

    public string Path { get; }

    public static SeedFolder Empty() =>
        new(Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"contenthub-seed-{Guid.NewGuid():N}")).FullName);

    public static SeedFolder CopyOfRepositorySeedData()
    {
        var folder = Empty();
        foreach (var file in Directory.EnumerateFiles(ContentHubFactory.RepositorySeedData, "*", SearchOption.AllDirectories))
        {
            var path = System.IO.Path.Combine(folder.Path, System.IO.Path.GetRelativePath(ContentHubFactory.RepositorySeedData, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.Copy(file, path); // byte for byte: media/ holds images
        }

        return folder;
    }

    public SeedFolder Write(string relativePath, string text)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public string Read(string relativePath) => File.ReadAllText(System.IO.Path.Combine(Path, relativePath));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
