namespace ContentHub.Tests.Support;

/// <summary>The checked-out repository the tests were built from, for tests that read its files.</summary>
public static class RepositoryFolder
{
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ContentHub.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("ContentHub.sln not found above the test output");
        }
    }
}
