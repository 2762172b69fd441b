using System.Net.Http.Headers;
using ContentHub.Server.Access;
using ContentHub.Server.Data;
using ContentHub.Server.Data.PostgreSql;
using ContentHub.Server.Data.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace ContentHub.Tests.Support;

/// <summary>
/// The real server in process, on its own SQLite file (or its own PostgreSQL database, see
/// <see cref="PostgreSqlTestServer"/>) built by the server's migrations at start-up and seeded from the repository's
/// seed-data/ (unless a test asks for an empty database). Tests may override any setting; <c>{database}</c> in a
/// value stands for this factory's SQLite file.
/// </summary>
public class ContentHubFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"contenthub-test-{Guid.NewGuid():N}.db");
    private readonly string _mediaPath = Path.Combine(Path.GetTempPath(), $"contenthub-media-{Guid.NewGuid():N}");
    private readonly (string Key, string Value)[] _settings;
    private readonly ContentHubFactory? _databaseOwner;
    private string? _postgreSqlConnection;

    /// <summary>xunit builds class fixtures through their single public constructor, without arguments.</summary>
    public ContentHubFactory()
        : this([])
    {
    }

    protected ContentHubFactory(params (string Key, string Value)[] settings)
        : this(TestDatabase.Sqlite, settings)
    {
    }

    protected ContentHubFactory(TestDatabase database, params (string Key, string Value)[] settings)
    {
        Database = database;
        _settings = settings;
    }

    /// <summary>Another node on <paramref name="databaseOwner"/>'s database, which that factory keeps and drops.</summary>
    protected ContentHubFactory(ContentHubFactory databaseOwner, params (string Key, string Value)[] settings)
        : this(databaseOwner.Database, settings) => _databaseOwner = databaseOwner;

    public TestDatabase Database { get; }

    public SqlCommandCounter SqlCommands { get; } = new();

    /// <summary>Holds back the next command a test names (<see cref="CommandPause.Arm"/>); does nothing until armed.</summary>
    public CommandPause Pause { get; } = new();

    public string DatabasePath => _databaseOwner?.DatabasePath ?? _databasePath;

    /// <summary>The settings that point the server (in process or as a CLI, in environment variable form) at this factory's database.</summary>
    public IReadOnlyDictionary<string, string> DatabaseSettings => _databaseOwner?.DatabaseSettings ?? (Database == TestDatabase.PostgreSql
        ? new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:ContentHub"] = _postgreSqlConnection ??= PostgreSqlTestServer.CreateDatabase(),
        }
        : new Dictionary<string, string> { ["ConnectionStrings:ContentHub"] = $"Data Source={_databasePath}" });

    /// <summary>Skips the calling test, saying how to run it, when it needs a PostgreSQL server and none is found.</summary>
    public void SkipUnlessAvailable() =>
        Skip.If(Database == TestDatabase.PostgreSql && !PostgreSqlTestServer.IsAvailable, PostgreSqlTestServer.NotFound);

    public static string RepositorySeedData => Path.Combine(AppContext.BaseDirectory, "seed-data");

    /// <summary>A client sending a new key of <paramref name="role"/>, standing for the person with the slug <paramref name="person"/> if given.</summary>
    public async Task<HttpClient> CreateClientAsync(ApiKeyRole role, string name = "Test Editor", string? person = null)
    {
        var (_, token) = await Services.GetRequiredService<ApiKeyStore>().CreateAsync(name, role, CancellationToken.None, person);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public ContentHubDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<ContentHubDbContext>>().CreateDbContext();

    /// <summary>A context on this factory's database that does not start the server: to look at what a CLI verb left there.</summary>
    public ContentHubDbContext OpenDatabase()
    {
        var connectionString = DatabaseSettings["ConnectionStrings:ContentHub"];
        return Database == TestDatabase.PostgreSql
            ? new PostgreSqlContentHubDbContext(new DbContextOptionsBuilder<PostgreSqlContentHubDbContext>().UseNpgsql(connectionString).Options)
            : new SqliteContentHubDbContext(new DbContextOptionsBuilder<SqliteContentHubDbContext>().UseSqlite(connectionString).Options);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in DatabaseSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Seeding:Path", RepositorySeedData);
        builder.UseSetting("Media:Path", _mediaPath);
        // Every in-process request comes from the same (unknown) address; the rate limit has its own tests.
        builder.UseSetting("Http:RateLimitBurst", "0");
        builder.UseSetting("Http:FailedAuthenticationsPerMinute", "0");
        // Background passes at start-up would mix their SQL into the commands tests count; tests run passes themselves.
        builder.UseSetting("Scheduling:Enabled", "false");
        builder.UseSetting("Webhooks:Enabled", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value.Replace("{database}", DatabasePath, StringComparison.Ordinal));
        }

        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(SqlCommands).AddSingleton<IInterceptor>(Pause));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_postgreSqlConnection is not null)
        {
            PostgreSqlTestServer.DropDatabase(_postgreSqlConnection);
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }

        if (Directory.Exists(_mediaPath))
        {
            Directory.Delete(_mediaPath, recursive: true);
        }
    }
}

/// <summary>The databases a provider-dependent test class runs on.</summary>
public enum TestDatabase
{
    Sqlite,
    PostgreSql,
}

/// <summary>The seeded server on PostgreSQL.</summary>
public sealed class PostgreSqlContentHubFactory : ContentHubFactory
{
    public PostgreSqlContentHubFactory(IMessageSink diagnostics)
        : base(TestDatabase.PostgreSql) => PostgreSqlTestServer.ReportIfMissing(diagnostics);
}

/// <summary>A server whose database is migrated but empty.</summary>
public class EmptyContentHubFactory : ContentHubFactory
{
    public EmptyContentHubFactory()
        : this(TestDatabase.Sqlite)
    {
    }

    protected EmptyContentHubFactory(TestDatabase database)
        : base(database, ("Seeding:OnStartup", "false"))
    {
    }
}

/// <summary>An empty server on PostgreSQL.</summary>
public sealed class PostgreSqlEmptyContentHubFactory : EmptyContentHubFactory
{
    public PostgreSqlEmptyContentHubFactory(IMessageSink diagnostics)
        : base(TestDatabase.PostgreSql) => PostgreSqlTestServer.ReportIfMissing(diagnostics);
}

/// <summary>A server with some settings of a test's own.</summary>
public sealed class CustomContentHubFactory : ContentHubFactory
{
    public CustomContentHubFactory(params (string Key, string Value)[] settings)
        : base(settings)
    {
    }

    public CustomContentHubFactory(TestDatabase database, params (string Key, string Value)[] settings)
        : base(database, settings)
    {
    }

    public CustomContentHubFactory(ContentHubFactory databaseOwner, params (string Key, string Value)[] settings)
        : base(databaseOwner, settings)
    {
    }
}

/// <summary>A server whose clock stands still until a test moves it; tests run the scheduler's passes themselves.</summary>
public class FakeClockContentHubFactory : ContentHubFactory
{
    public FakeClockContentHubFactory()
        : this(TestDatabase.Sqlite)
    {
    }

    protected FakeClockContentHubFactory(params (string Key, string Value)[] settings)
        : this(TestDatabase.Sqlite, settings)
    {
    }

    protected FakeClockContentHubFactory(TestDatabase database, params (string Key, string Value)[] settings)
        : base(database, settings)
    {
    }

    /// <summary>Another node on <paramref name="databaseOwner"/>'s database, whose clock it shares.</summary>
    protected FakeClockContentHubFactory(FakeClockContentHubFactory databaseOwner, params (string Key, string Value)[] settings)
        : base(databaseOwner, settings) => Clock = databaseOwner.Clock;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The fake-clock server on PostgreSQL.</summary>
public sealed class PostgreSqlFakeClockContentHubFactory : FakeClockContentHubFactory
{
    public PostgreSqlFakeClockContentHubFactory(IMessageSink diagnostics)
        : base(TestDatabase.PostgreSql) => PostgreSqlTestServer.ReportIfMissing(diagnostics);
}

/// <summary>Another fake-clock node on a fake-clock server's database and clock, with settings of its own.</summary>
public sealed class FakeClockNode(FakeClockContentHubFactory databaseOwner, params (string Key, string Value)[] settings)
    : FakeClockContentHubFactory(databaseOwner, settings);

/// <summary>A fake-clock server that flags expired articles instead of archiving them.</summary>
public class FlagExpiredContentHubFactory : FakeClockContentHubFactory
{
    public FlagExpiredContentHubFactory()
        : this(TestDatabase.Sqlite)
    {
    }

    protected FlagExpiredContentHubFactory(TestDatabase database)
        : base(database, ("Articles:WhenExpired", "Flag"))
    {
    }
}

/// <summary>The flagging fake-clock server on PostgreSQL.</summary>
public sealed class PostgreSqlFlagExpiredContentHubFactory : FlagExpiredContentHubFactory
{
    public PostgreSqlFlagExpiredContentHubFactory(IMessageSink diagnostics)
        : base(TestDatabase.PostgreSql) => PostgreSqlTestServer.ReportIfMissing(diagnostics);
}

/// <summary>An empty server that knows the public site's address, with sitemap files of three URLs each.</summary>
public class SiteContentHubFactory : ContentHubFactory
{
    public const string BaseUrl = "https://blog.example.org";

    public SiteContentHubFactory()
        : this(TestDatabase.Sqlite)
    {
    }

    protected SiteContentHubFactory(TestDatabase database)
        : base(database, ("Seeding:OnStartup", "false"), ("Site:BaseUrl", BaseUrl), ("Site:SitemapUrlsPerFile", "3"))
    {
    }
}

/// <summary><see cref="SiteContentHubFactory"/> on PostgreSQL.</summary>
public sealed class PostgreSqlSiteContentHubFactory : SiteContentHubFactory
{
    public PostgreSqlSiteContentHubFactory(IMessageSink diagnostics)
        : base(TestDatabase.PostgreSql) => PostgreSqlTestServer.ReportIfMissing(diagnostics);
}
