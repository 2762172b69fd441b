using ContentHub.Server.GraphQL;

namespace ContentHub.Server.Media;

public static class MediaServiceCollectionExtensions
{
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAssetStorage, LocalAssetStorage>();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<AssetIngest>();
        services.AddSingleton<SeedMedia>();
        services.AddSingleton<RenditionSigner>();
        services.AddSingleton<RenditionMetrics>();
        services.AddSingleton<RenditionQueue>();
        services.AddScoped<AssetByIdLoader>();
        services.AddScoped<AssetByFileNameLoader>();
        services.AddSingleton<IMutationFields, AssetMutations>();
        services.AddSingleton<IMutationFields, AssetEditing>();
        services.AddSingleton<IQueryFields, AssetQueries>();
        return services;
    }
}
