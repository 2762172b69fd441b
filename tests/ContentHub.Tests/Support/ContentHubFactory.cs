using System.Net.Http.Headers;
using ContentHub.Server.Access;
using ContentHub.Server.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContentHub.Tests.Support;

/// <summary>
/// The real server in process, on its own SQLite file built by the server's migrations at start-up and seeded
/// from the repository's seed-data/ (unless a test asks for an empty database). Tests may override any setting;
/// <c>{database}</c> in a value stands for this factory's database file.
/// </summary>
public class ContentHubFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"contenthub-test-{Guid.NewGuid():N}.db");
    private readonly (string Key, string Value)[] _settings;

    /// <summary>xunit builds class fixtures through their single public constructor, without arguments.</summary>
    public ContentHubFactory()
        : this([])
    {
    }

    protected ContentHubFactory(params (string Key, string Value)[] settings) => _settings = settings;

    public SqlCommandCounter SqlCommands { get; } = new();

    public string DatabasePath => _databasePath;

    public static string RepositorySeedData => Path.Combine(AppContext.BaseDirectory, "seed-data");

    /// <summary>A client that sends a new API key of <paramref name="role"/> with every request.</summary>
    public async Task<HttpClient> CreateClientAsync(ApiKeyRole role, string name = "Test Editor")
    {
        var (_, token) = await Services.GetRequiredService<ApiKeyStore>().CreateAsync(name, role, CancellationToken.None);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public ContentHubDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<ContentHubDbContext>>().CreateDbContext();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:ContentHub", $"Data Source={_databasePath}");
        builder.UseSetting("Seeding:Path", RepositorySeedData);
        // Every in-process request comes from the same (unknown) address; the rate limit has its own tests.
        builder.UseSetting("Http:RateLimitBurst", "0");
        builder.UseSetting("Http:FailedAuthenticationsPerMinute", "0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value.Replace("{database}", _databasePath, StringComparison.Ordinal));
        }

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
public sealed class EmptyContentHubFactory() : ContentHubFactory(("Seeding:OnStartup", "false"));

/// <summary>A server with some settings of a test's own.</summary>
public sealed class CustomContentHubFactory(params (string Key, string Value)[] settings) : ContentHubFactory(settings);

/// <summary>A server whose clock stands still until a test moves it; tests run the scheduler's passes themselves.</summary>
public class FakeClockContentHubFactory : ContentHubFactory
{
    public FakeClockContentHubFactory()
        : this([])
    {
    }

    protected FakeClockContentHubFactory(params (string Key, string Value)[] settings)
        : base([("Scheduling:Enabled", "false"), .. settings])
    {
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>A fake-clock server that flags expired articles instead of archiving them.</summary>
public sealed class FlagExpiredContentHubFactory() : FakeClockContentHubFactory(("Articles:WhenExpired", "Flag"));
