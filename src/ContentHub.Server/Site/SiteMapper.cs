using Riok.Mapperly.Abstractions;

namespace ContentHub.Server.Site;

/// <summary><c>site.yaml</c> ↔ site settings.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Source)]
public static partial class SiteMapper
{
    [MapperIgnoreSource(nameof(SiteSeed.NaturalKey))]
    public static partial void Apply(SiteSeed seed, SiteSettings site);

    public static SiteSettings ToEntity(SiteSeed seed)
    {
        var site = new SiteSettings { Name = seed.Name! };
        Apply(seed, site);
        return site;
    }

    /// <summary>The settings as <c>site.yaml</c> holds them, for <c>export</c>.</summary>
    [MapperRequiredMapping(RequiredMappingStrategy.Target)]
    public static partial SiteSeed ToSeed(SiteSettings site);
}
