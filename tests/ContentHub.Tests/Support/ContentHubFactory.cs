using ContentHub.Server.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Tests.Support;

/// <summary>
/// The real server in process, on its own SQLite file built by the server's migrations at start-up and seeded
/// from the repository's seed-data/ (unless a test asks for an empty database).
/// </summary>
public class ContentHubFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"contenthub-test-{Guid.NewGuid():N}.db");

    public SqlCommandCounter SqlCommands { get; } = new();

    /// <summary>Seed the repository's seed-data/ at start-up.</summary>
    protected virtual bool SeedOnStartup => true;

    public string DatabasePath => _databasePath;

    public static string RepositorySeedData => Path.Combine(AppContext.BaseDirectory, "seed-data");

    public ContentHubDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<ContentHubDbContext>>().CreateDbContext();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:ContentHub", $"Data Source={_databasePath}");
        builder.UseSetting("Seeding:Path", RepositorySeedData);
        builder.UseSetting("Seeding:OnStartup", SeedOnStartup.ToString());
        // Every in-process request comes from the same (unknown) address; the rate limit has its own tests.
        builder.UseSetting("Http:RateLimitBurst", "0");
        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(SqlCommands));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}

/// <summary>A server whose database is migrated but empty.</summary>
public sealed class EmptyContentHubFactory : ContentHubFactory
{
    protected override bool SeedOnStartup => false;
}
