using ContentHub.Server.Access;
using ContentHub.Server.Benchmarking;
using ContentHub.Server.Cli;
using ContentHub.Server.Content;
using ContentHub.Server.Content.Reference;
using ContentHub.Server.Data;
using ContentHub.Server.Editing;
using ContentHub.Server.GraphQL;
using ContentHub.Server.Hosting;
using ContentHub.Server.Hosting.Redis;
using ContentHub.Server.Ide;
using ContentHub.Server.Media;
using ContentHub.Server.Observability;
using ContentHub.Server.Seeding;
using ContentHub.Server.Site;
using ContentHub.Server.Sitemaps;
using ContentHub.Server.Webhooks;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ContentHub.Server;

/// <summary>How the pieces are wired: Program.cs calls these two, in this order.</summary>
public static class ContentHubApplication
{
    public static WebApplicationBuilder AddContentHub(this WebApplicationBuilder builder, string[] args)
    {
        if (CliVerbs.Handles(args))
        {
            CliVerbs.ConfigureLogging(builder.Logging);
        }

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IContentChanges, LocalContentChanges>();
        services.AddRedisWhenConfigured(builder.Configuration);
        services.AddContentHubData(builder.Configuration, builder.Environment);
        services.AddReferenceData();
        services.AddSingleton<DatabaseMigrator>();
        services.AddOptions<SeedingOptions>().BindConfiguration(SeedingOptions.Section);
        services.AddSingleton(typeof(ContentImporter<,>));
        services.AddSingleton<SeedImporter>();
        services.AddSingleton<SeedRunner>();
        services.AddSingleton<SyntheticContent>();
        services.AddSingleton<StartupSeeding>();
        services.AddApiKeys(builder.Configuration);
        services.AddHttpProtection(builder.Configuration);
        services.AddContentHubGraphQL();
        services.AddContentEditing();
        services.AddMedia();
        services.AddWebhooks();
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSitemaps();
        services.AddOptions<BananaCakePopOptions>().BindConfiguration(BananaCakePopOptions.Section);
        services.AddObservability(builder.Configuration);
        services.AddHealthChecks().AddCheck<DatabaseReadyHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    public static async Task RunContentHubAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<StartupSeeding>().RunAsync(app.Lifetime.ApplicationStopping);

        app.UseHttpProtection();
        app.UseApiKeys();
        app.UseRequestLimits();
        app.UseBananaCakePop(GraphQLHttpEndpoint.Path);
        app.MapGraphQLEndpoint();
        app.MapMediaEndpoint();
        app.MapSitemapEndpoint();
        app.MapBaselineEndpoint();
        app.MapObservability();
        // Probes are not clients: a busy address must not make the server look down.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).DisableRateLimiting();
        await app.RunAsync();
    }
}
