namespace ContentHub.Server.Seeding.Export;

/// <summary>
/// Where an export is written: a hidden folder beside the target, moved into place once complete, so a failed or
/// interrupted export leaves nothing half-written under the target's name.
/// </summary>
public static class ExportFolder
{
    /// <summary>Why <paramref name="target"/> cannot take an export: a file, or a folder that is not empty (unless <paramref name="overwrite"/>).</summary>
    public static string? Refusal(string target, bool overwrite) =>
        File.Exists(target) ? $"{target} is a file; give a folder."
        : !overwrite && Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()
            ? $"{target} is not empty; give a new or empty folder, or --overwrite to replace what it holds."
            : null;

    /// <summary>Runs <paramref name="write"/> on a new staging folder, then puts that folder in the place of <paramref name="target"/>.</summary>
    public static async Task<T> WriteAsync<T>(string target, Func<string, Task<T>> write)
    {
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.export-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var result = await write(staging);
            Replace(target, staging);
            return result;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static void Replace(string target, string staging)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }

        var replaced = $"{staging}.replaced";
        Directory.Move(target, replaced);
        Directory.Move(staging, target);
        Directory.Delete(replaced, recursive: true);
    }
}
