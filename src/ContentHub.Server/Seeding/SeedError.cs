namespace ContentHub.Server.Seeding;

/// <summary>A problem in a seed file, printed the way compilers print them so editors can jump to it.</summary>
public sealed record SeedError(string File, int Line, string Message)
{
    /// <summary>A problem no file is to blame for: met in the database while importing.</summary>
    public static SeedError InDatabase(string message) => new("database", 0, message);

    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
