namespace ContentHub.Server.Sitemaps;

/// <summary>What a sitemap page shows; the sitemap lists categories first, then articles.</summary>
public enum SitemapPageKind
{
    /// <summary>A category's page, <c>/categories/{slug}</c>.</summary>
    Category = 0,

    /// <summary>An article's page, <c>/articles/{slug}</c>.</summary>
    Article = 1,
}
