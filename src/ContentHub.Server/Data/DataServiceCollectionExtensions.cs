using ContentHub.Server.Articles.Search;
using ContentHub.Server.Data.PostgreSql;
using ContentHub.Server.Data.Sqlite;
using ContentHub.Server.Data.SqlServer;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContentHub.Server.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// The most SQLite contexts kept for reuse: each keeps its connection open with its prepared statements
    /// (<see cref="KeptOpenSqliteConnection"/>); beyond it a context, and its connection, is closed when done.
    /// </summary>
    public const int SqliteContextPoolSize = 128;

    private const string DefaultSqliteConnection = "Data Source=contenthub.db";

    /// <summary>
    /// Registers a pooled context factory (with any <see cref="IInterceptor"/> registered in DI) for the configured provider. Resolvers run in parallel, so each
    /// takes its own short-lived context from the factory rather than sharing a scoped one.
    /// </summary>
    public static IServiceCollection AddContentHubData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Outside production EF Core's own checks stay on: that a context is not used by two threads at once (it sets
        // an AsyncLocal around every row read: about 5 % of a list page's allocations), to catch a resolver sharing a
        // context; and, when migrating, that the migrations match the model (it builds the model twice more on every
        // start), which MigrationTests make for every provider before a build ships.
        var production = environment.IsProduction();
        DbContextOptionsBuilder Configure(IServiceProvider resolver, DbContextOptionsBuilder options) =>
            options.AddInterceptors(resolver.GetServices<IInterceptor>()).EnableThreadSafetyChecks(!production)
                .ConfigureWarnings(warnings =>
                {
                    if (production)
                    {
                        warnings.Ignore(RelationalEventId.PendingModelChangesWarning);
                    }
                });

        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var provider = database.Provider;
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        switch (provider)
        {
            case DatabaseProvider.SqlServer:
                var sqlServer = Required(connectionString, provider);
                services.AddPooledDbContextFactory<SqlServerContentHubDbContext>((resolver, options) =>
                    Configure(resolver, options.UseSqlServer(sqlServer)));
                services.AddSingleton<IDbContextFactory<ContentHubDbContext>,
                    ProviderDbContextFactory<SqlServerContentHubDbContext>>();
                services.AddSingleton<IArticleSearchIndex, SqlServerArticleSearchIndex>();
                services.AddSingleton<IDatabaseErrorClassifier, SqlServerErrorClassifier>();
                break;
            case DatabaseProvider.PostgreSql:
                var postgreSql = Required(connectionString, provider);
                services.AddPooledDbContextFactory<PostgreSqlContentHubDbContext>((resolver, options) =>
                    Configure(resolver, options.UseNpgsql(postgreSql)));
                services.AddSingleton<IDbContextFactory<ContentHubDbContext>,
                    ProviderDbContextFactory<PostgreSqlContentHubDbContext>>();
                services.AddSingleton<IArticleSearchIndex, PostgreSqlArticleSearchIndex>();
                services.AddSingleton<IDatabaseErrorClassifier, PostgreSqlErrorClassifier>();
                break;
            default:
                // A list of ids or tags in a query is one array parameter (json_each), not EF Core 10's default of a
                // parameter per element: that SQL depends on the count, so EF Core generated it again on every execution,
                // compiled queries included. PostgreSQL and SQL Server keep EF Core's default: there it was not shown to pay.
                services.AddPooledDbContextFactory<SqliteContentHubDbContext>(
                    (resolver, options) => Configure(resolver, options.UseSqlite(
                            SqliteConnectionString(connectionString, environment.ContentRootPath),
                            sql => sql.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)))
                        .KeepingSqliteStatements(),
                    SqliteContextPoolSize);
                services.AddSingleton<IDbContextFactory<ContentHubDbContext>,
                    ProviderDbContextFactory<SqliteContentHubDbContext>>();
                services.AddSingleton<IArticleSearchIndex, SqliteArticleSearchIndex>();
                services.AddSingleton<IDatabaseErrorClassifier, SqliteErrorClassifier>();
                break;
        }

        if (database.ConcurrentRequestLimit > 0)
        {
            services.AddSingleton(new DatabaseTurns(database.ConcurrentRequestLimit));
        }

        // For Data Protection's key repository, which asks a scope for the context type (see AddApiKeys).
        services.AddScoped<ContentHubDbContext>(resolver =>
            resolver.GetRequiredService<IDbContextFactory<ContentHubDbContext>>().CreateDbContext());
        return services;
    }

    private static string Required(string? connectionString, DatabaseProvider provider) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException(
                $"Database:Provider is {provider} but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is empty.")
            : connectionString;

    /// <summary>The configured SQLite connection, its file relative to the content root rather than to the working directory.</summary>
    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var connection = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultSqliteConnection : configured);
        if (connection.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal) && !Path.IsPathRooted(file))
        {
            connection.DataSource = Path.GetFullPath(file, contentRoot);
        }

        return connection.ToString();
    }
}
