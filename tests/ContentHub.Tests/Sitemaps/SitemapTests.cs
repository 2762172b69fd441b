using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using ContentHub.Server.Access;
using ContentHub.Server.Articles;
using ContentHub.Server.Content;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Sitemaps;

/// <summary>The <c>sitemap</c> query and <c>/sitemap.xml</c>: published, indexable pages only, paged, with their last change.</summary>
public abstract class SitemapTests : IAsyncLifetime
{
    private const string Walk = """
        query($after: String) {
          sitemap(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { kind path url lastModified } } }
        }
        """;

    private static readonly XNamespace s_sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly DateTime s_edited = new(2026, 2, 1, 8, 30, 0, DateTimeKind.Utc);

    private readonly SiteContentHubFactory _factory;

    private SitemapTests(SiteContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    public async Task InitializeAsync()
    {
        await using var db = _factory.CreateDbContext();
        if (await db.Categories.AnyAsync(c => c.Slug == "sm-spine"))
        {
            return;
        }

        var spine = TestContent.Category("sm-spine", PublicationStatus.Published);
        db.Categories.AddRange(spine, TestContent.Category("sm-hidden", PublicationStatus.Draft));
        db.Articles.AddRange(
            Edited(TestContent.Article("sm-plain", PublicationStatus.Published, spine)),
            Edited(TestContent.Article("sm-reviewed", PublicationStatus.Published), reviewedAt: s_edited.AddDays(3)),
            Edited(TestContent.Article("sm-reviewed-before", PublicationStatus.Published), reviewedAt: s_edited.AddDays(-3)),
            Edited(TestContent.Article("sm-draft", PublicationStatus.Draft)),
            Edited(TestContent.Article("sm-archived", PublicationStatus.Archived)),
            Edited(TestContent.Article("sm-trashed", PublicationStatus.Trashed)),
            Edited(TestContent.Article("sm-noindex", PublicationStatus.Published), new Seo { Robots = "NoIndex, follow" }),
            Edited(TestContent.Article("sm-none", PublicationStatus.Published), new Seo { Robots = "none" }),
            Edited(TestContent.Article("sm-small-previews", PublicationStatus.Published), new Seo { Robots = "max-image-preview:none" }),
            Edited(TestContent.Article("sm-elsewhere", PublicationStatus.Published), new Seo { CanonicalUrl = "https://partner.example.com/sm-elsewhere" }),
            Edited(TestContent.Article("sm-own-canonical", PublicationStatus.Published), new Seo { CanonicalUrl = $"{SiteContentHubFactory.BaseUrl}/articles/sm-own-canonical" }));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Should_list_published_indexable_pages_categories_first_with_absolute_urls_and_their_last_change()
    {
        var entries = (await WalkAsync(_factory.CreateClient())).Where(e => e.Path.Contains("/sm-", StringComparison.Ordinal)).ToList();

        string[] listed = ["sm-plain", "sm-reviewed", "sm-reviewed-before", "sm-small-previews", "sm-own-canonical"];
        await using var db = _factory.CreateDbContext();
        var articlesById = await db.Articles.Where(a => listed.Contains(a.Slug)).OrderBy(a => a.Id).Select(a => a.Slug).ToListAsync();
        Assert.Equal(
            [("CATEGORY", "/categories/sm-spine"), .. articlesById.Select(slug => ("ARTICLE", $"/articles/{slug}"))],
            entries.Select(e => (e.Kind, e.Path)));
        Assert.All(entries, e => Assert.Equal(SiteContentHubFactory.BaseUrl + e.Path, e.Url));
        var lastChanges = entries.ToDictionary(e => e.Path, e => e.LastModified);
        Assert.Equal(s_edited.AddDays(3), lastChanges["/articles/sm-reviewed"]); // reviewed after the last edit
        Assert.Equal(s_edited, lastChanges["/articles/sm-reviewed-before"]);
        Assert.Equal(s_edited, lastChanges["/articles/sm-plain"]);
    }

    [SkippableFact]
    public async Task Should_list_the_same_pages_for_an_editor_as_for_a_reader()
    {
        var reader = await WalkAsync(_factory.CreateClient());
        var editor = await WalkAsync(await _factory.CreateClientAsync(ApiKeyRole.Editor));

        Assert.Equal(reader.Select(e => e.Path), editor.Select(e => e.Path));
        Assert.DoesNotContain(editor, e => e.Path.EndsWith("/sm-draft", StringComparison.Ordinal) || e.Path.EndsWith("/sm-hidden", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Should_list_a_renamed_or_newly_published_article_at_once_and_never_its_former_slug()
    {
        var reader = _factory.CreateClient();
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await ContentMutations.CreatePublishedAsync(editor, "Article", new { title = "Sitemap rename", slug = "renamed-before", body = "Text." });
        Assert.Contains(await WalkAsync(reader), e => e.Path == "/articles/renamed-before"); // now in the response cache

        var renamed = await ContentMutations.MutateAsync(editor, "Article", "updateArticle", article, new { slug = "renamed-after" });
        Assert.Empty(renamed["errors"]!.AsArray());

        var paths = (await WalkAsync(reader)).Select(e => e.Path).ToList();
        Assert.Contains("/articles/renamed-after", paths);
        Assert.DoesNotContain("/articles/renamed-before", paths);
    }

    [SkippableFact]
    public async Task Should_price_its_total_count_as_a_scan()
    {
        var counts = "{ " + string.Concat(Enumerable.Range(0, 12).Select(i => $"c{i}: sitemap(first: 1) {{ totalCount }} ")) + "}";
        var pages = "{ " + string.Concat(Enumerable.Range(0, 12).Select(i => $"c{i}: sitemap(first: 1) {{ edges {{ cursor }} }} ")) + "}";

        var counted = await _factory.CreateClient().PostQueryAsync(counts);

        Assert.Equal(400, counted.Status);
        Assert.Equal("COMPLEXITY_LIMIT_EXCEEDED", counted.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        (await _factory.CreateClient().PostQueryAsync(pages)).AssertData();
    }

    [SkippableFact]
    public async Task Should_refuse_a_cursor_that_is_not_the_sitemaps()
    {
        var articles = (await _factory.CreateClient().PostQueryAsync("{ articles(first: 1) { pageInfo { endCursor } } }")).AssertData();
        var cursor = articles["articles"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var response = await _factory.CreateClient().PostQueryAsync(Walk, new { after = cursor });

        Assert.Equal("VALIDATION", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("'after' is not a cursor of the sitemap.", response.Errors[0]!["message"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Should_serve_sitemap_xml_as_an_index_of_files_holding_every_page_in_order_past_the_per_file_limit()
    {
        var client = _factory.CreateClient();
        var expected = await WalkAsync(client);

        var index = await GetXmlAsync(client, "/sitemap.xml");

        Assert.Equal(s_sitemaps + "sitemapindex", index.Root!.Name);
        var files = index.Root.Elements(s_sitemaps + "sitemap").Select(s => s.Element(s_sitemaps + "loc")!.Value).ToList();
        Assert.Equal(Enumerable.Range(1, (expected.Count + 2) / 3).Select(n => $"{SiteContentHubFactory.BaseUrl}/sitemap-{n}.xml"), files);
        var listed = new List<(string Loc, string LastModified)>();
        foreach (var file in files)
        {
            var urls = (await GetXmlAsync(client, new Uri(file).AbsolutePath)).Root!;
            Assert.Equal(s_sitemaps + "urlset", urls.Name);
            Assert.InRange(urls.Elements().Count(), 1, 3);
            listed.AddRange(urls.Elements(s_sitemaps + "url").Select(u => (u.Element(s_sitemaps + "loc")!.Value, u.Element(s_sitemaps + "lastmod")!.Value)));
        }

        Assert.Equal(expected.Select(e => (e.Url!, e.LastModified.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))), listed);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/sitemap-{files.Count + 1}.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sitemap-0.xml")).StatusCode);
    }

    private static Article Edited(Article article, Seo? seo = null, DateTime? reviewedAt = null)
    {
        article.UpdatedAt = s_edited;
        article.Seo = seo ?? new Seo();
        article.ReviewedAt = reviewedAt;
        return article;
    }

    private static async Task<XDocument> GetXmlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task<List<Entry>> WalkAsync(HttpClient client)
    {
        var entries = new List<Entry>();
        string? after = null;
        bool hasNext;
        do
        {
            var page = (await client.PostQueryAsync(Walk, new { after })).AssertData()["sitemap"]!;
            entries.AddRange(page["edges"]!.AsArray().Select(e => Entry.From(e!["node"]!)));
            hasNext = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>();
            after = page["pageInfo"]!["endCursor"]?.GetValue<string>();
            Assert.Equal(page["totalCount"]!.GetValue<int>(), hasNext ? page["totalCount"]!.GetValue<int>() : entries.Count);
        }
        while (hasNext);

        return entries;
    }

    private sealed record Entry(string Kind, string Path, string? Url, DateTime LastModified)
    {
        public static Entry From(JsonNode node) => new(
            node["kind"]!.GetValue<string>(), node["path"]!.GetValue<string>(), node["url"]?.GetValue<string>(),
            node["lastModified"]!.GetValue<DateTime>().ToUniversalTime());
    }

    public sealed class OnSqlite(SiteContentHubFactory factory) : SitemapTests(factory), IClassFixture<SiteContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlSiteContentHubFactory factory) : SitemapTests(factory), IClassFixture<PostgreSqlSiteContentHubFactory>;
}
