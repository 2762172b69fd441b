namespace ContentHub.Server.Content.Reference;

public static class ReferenceDataServiceCollectionExtensions
{
    public static IServiceCollection AddReferenceData(this IServiceCollection services)
    {
        services.AddOptions<ReferenceDataOptions>().BindConfiguration(ReferenceDataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReferenceDataCache>();
        services.AddScoped<ReferenceData>();
        return services;
    }
}
