namespace ContentHub.Server.Ide;

/// <summary>Where the IDE's files are and what it calls itself. Bound from the <c>Ide</c> section.</summary>
public sealed class BananaCakePopOptions
{
    public const string Section = "Ide";

    /// <summary>The installed package's files; the build copies them next to the server.</summary>
    public string FilesPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "BananaCakePop");

    /// <summary>The title of the IDE's browser tab and connection.</summary>
    public string Title { get; set; } = "ContentHub";
}
