using Microsoft.Extensions.Options;

namespace ContentHub.Server.Media;

/// <summary>
/// The asset store on local disk: <c>ab/cd/abcd…</c> under <see cref="MediaOptions.Path"/>, two levels of folders
/// so no folder holds millions of files. Writes go to a temporary file first and are renamed into place, so a reader
/// never sees half a file.
/// </summary>
public sealed class LocalAssetStorage(IOptions<MediaOptions> options, IHostEnvironment environment) : IAssetStorage
{
    private readonly string _root = System.IO.Path.GetFullPath(options.Value.Path, environment.ContentRootPath);

    public async Task SaveAsync(string name, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public bool Exists(string name) => File.Exists(PathOf(name));

    public Stream? OpenRead(string name)
    {
        var path = PathOf(name);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true) : null;
    }

    public void Delete(string name)
    {
        var path = PathOf(name);
        File.Delete(path);
        if (Directory.Exists(path + ".d"))
        {
            Directory.Delete(path + ".d", recursive: true);
        }
    }

    private string PathOf(string name)
    {
        // Names are ours (hex digests and rendition keys), never a client's: refuse anything that could leave the root.
        if (name.Length < 4 || name.Contains("..", StringComparison.Ordinal) || name.Contains('\\') || System.IO.Path.IsPathRooted(name))
        {
            throw new ArgumentException($"'{name}' is not an asset name.", nameof(name));
        }

        var slash = name.IndexOf('/');
        var path = slash < 0 ? name : name[..slash] + ".d" + name[slash..];
        return System.IO.Path.Combine(_root, name[..2], name[2..4], path);
    }
}
