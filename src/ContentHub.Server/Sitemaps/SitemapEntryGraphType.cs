using GraphQL.Types;

namespace ContentHub.Server.Sitemaps;

/// <summary>The <c>SitemapEntry</c> type, named so the <c>sitemap</c> connection can be built over it.</summary>
public sealed class SitemapEntryGraphType : AutoRegisteringObjectGraphType<SitemapEntry>;
