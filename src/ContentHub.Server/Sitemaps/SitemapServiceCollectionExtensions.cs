using ContentHub.Server.GraphQL;

namespace ContentHub.Server.Sitemaps;

public static class SitemapServiceCollectionExtensions
{
    /// <summary>The <c>sitemap</c> query; <see cref="SitemapEndpoint"/> serves the XML.</summary>
    public static IServiceCollection AddSitemaps(this IServiceCollection services)
    {
        services.AddSingleton<SitemapReader>();
        services.AddSingleton<IQueryFields, SitemapQueries>();
        return services;
    }
}
