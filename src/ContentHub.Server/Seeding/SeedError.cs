namespace ContentHub.Server.Seeding;

/// <summary>A problem in a seed file, printed the way compilers print them so editors can jump to it.</summary>
public sealed record SeedError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
