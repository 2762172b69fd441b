namespace ContentHub.Tests.Support;

/// <summary>Compares exported folders file by file, byte for byte.</summary>
public static class ExportFolders
{
    /// <summary>Every file under <paramref name="folder"/> by its relative path (with '/'), with its bytes.</summary>
    public static SortedDictionary<string, byte[]> Read(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(folder, file).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    /// <summary>Fails with the first files that differ, if any.</summary>
    public static void AssertIdentical(string expected, string actual)
    {
        var (first, second) = (Read(expected), Read(actual));
        Assert.Equal(first.Keys, second.Keys);
        var differing = first.Keys.Where(file => !first[file].AsSpan().SequenceEqual(second[file])).Take(5).ToList();
        Assert.True(differing.Count == 0, "Files differ: " + string.Join(", ", differing)
            + (differing.Count > 0 ? $"\n--- first:\n{Text(first[differing[0]])}\n--- second:\n{Text(second[differing[0]])}" : ""));
    }

    private static string Text(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 2000)]);
}
