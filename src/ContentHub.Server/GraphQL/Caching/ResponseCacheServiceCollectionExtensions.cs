namespace ContentHub.Server.GraphQL.Caching;

public static class ResponseCacheServiceCollectionExtensions
{
    /// <summary>The response cache of anonymous reads and the HTTP caching headers of GET answers.</summary>
    public static IServiceCollection AddGraphQLResponseCache(this IServiceCollection services)
    {
        services.AddOptions<ResponseCacheOptions>().BindConfiguration(ResponseCacheOptions.Section).ValidateDataAnnotations()
            .Validate(options => options.MaxEntryBytes <= options.SizeLimitBytes, "GraphQL:ResponseCache:MaxEntryBytes must not exceed SizeLimitBytes.")
            .ValidateOnStart();
        services.AddSingleton<ResponseCacheMetrics>();
        services.AddSingleton<ResponseCache>();
        services.AddSingleton<CachingExecuter>();
        services.AddSingleton<HttpCacheHeaders>();
        services.AddScoped<ResponseCachePolicy>();
        return services;
    }
}
