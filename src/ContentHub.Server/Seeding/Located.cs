namespace ContentHub.Server.Seeding;

/// <summary>A seed item with the file and line it was read from, for error messages.</summary>
public sealed record Located<T>(T Item, string File, int Line)
{
    public SeedError Error(string message) => new(File, Line, message);
}
