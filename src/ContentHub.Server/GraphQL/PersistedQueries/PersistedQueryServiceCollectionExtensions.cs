using Microsoft.Extensions.Options;

namespace ContentHub.Server.GraphQL.PersistedQueries;

public static class PersistedQueryServiceCollectionExtensions
{
    /// <summary>Automatic persisted queries, <c>documentId</c> and trusted-documents mode.</summary>
    public static IServiceCollection AddPersistedQueries(this IServiceCollection services)
    {
        services.AddOptions<PersistedQueryOptions>().BindConfiguration(PersistedQueryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TrustedDocumentsOptions>().BindConfiguration(TrustedDocumentsOptions.Section);
        services.AddSingleton<ApqStore>();
        services.AddSingleton(provider => TrustedDocuments.Load(
            provider.GetRequiredService<IOptions<TrustedDocumentsOptions>>().Value,
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton<PersistedQueryResolver>();
        return services;
    }
}
