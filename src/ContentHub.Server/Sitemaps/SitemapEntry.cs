using GraphQL;

namespace ContentHub.Server.Sitemaps;

/// <summary>A public page for search engines to crawl.</summary>
public sealed record SitemapEntry
{
    [Ignore]
    public required int Id { get; init; }

    /// <summary>What the page shows.</summary>
    public required SitemapPageKind Kind { get; init; }

    /// <summary>The page's path on the site, e.g. <c>/articles/revision-surgery</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The page's absolute URL (<c>Site:BaseUrl</c> + path); empty when the server is not told the site's address.</summary>
    public string? Url { get; init; }

    /// <summary>When the page last changed (UTC): the later of its last edit and its last medical review.</summary>
    public required DateTime LastModified { get; init; }
}
