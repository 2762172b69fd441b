using System.Net;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Sitemaps;

/// <summary>Without <c>Site:BaseUrl</c> the server cannot write absolute URLs: the sitemap lists paths only and no XML is served.</summary>
public sealed class SitemapWithoutSiteAddressTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    [Fact]
    public async Task Should_list_paths_without_urls_and_answer_sitemap_xml_with_not_found_saying_why()
    {
        var client = factory.CreateClient();

        var entries = (await client.PostQueryAsync("{ sitemap(first: 100) { edges { node { path url } } } }")).AssertData()["sitemap"]!["edges"]!.AsArray();
        var xml = await client.GetAsync("/sitemap.xml");

        Assert.Contains(entries, e => e!["node"]!["path"]!.GetValue<string>() == "/articles/revision-surgery"); // the seed page
        Assert.All(entries, e => Assert.Null(e!["node"]!["url"]));
        Assert.Equal(HttpStatusCode.NotFound, xml.StatusCode);
        Assert.Contains("Site:BaseUrl", await xml.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
