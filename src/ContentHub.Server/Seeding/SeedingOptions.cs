namespace ContentHub.Server.Seeding;

/// <summary>Where seed files come from and whether start-up loads them. Bound from the <c>Seeding</c> section.</summary>
public sealed class SeedingOptions
{
    public const string Section = "Seeding";

    /// <summary>The seed folder; by default the repository's <c>seed-data/</c>, copied next to the build output.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "seed-data");

    /// <summary>Seed at start-up when the database holds no content.</summary>
    public bool OnStartup { get; set; } = true;
}
