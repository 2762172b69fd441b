using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Articles;
using ContentHub.Server.Content;
using ContentHub.Server.People;
using ContentHub.Server.Site;
using ContentHub.Tests.Media;
using ContentHub.Tests.Support;
using ImageMagick;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Articles.StructuredData;

/// <summary><c>Article.structuredData</c>: schema.org JSON-LD that is valid, complete, absolute and safe to embed.</summary>
public sealed class ArticleStructuredDataTests(SiteContentHubFactory factory) : IClassFixture<SiteContentHubFactory>, IAsyncLifetime
{
    private const string Query = "query($slug: String!) { article(slug: $slug) { structuredData } }";
    private const string BaseUrl = SiteContentHubFactory.BaseUrl;

    private static readonly SchemaOrgVocabulary s_vocabulary = SchemaOrgVocabulary.Load();

    public async Task InitializeAsync()
    {
        await using var db = factory.CreateDbContext();
        if (!await db.Site.AnyAsync())
        {
            db.Site.Add(new SiteSettings { Name = "Back to Life Blog", Publisher = "Back Pain Centers of America" });
            await db.SaveChangesAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Should_describe_a_reviewed_article_as_a_medical_web_page_valid_against_the_schema_org_vocabulary()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var asset = AssetUploadTests.Asset(await AssetUploadTests.UploadAsync(editor, TestImages.Make(MagickFormat.Png, 40, 30), "hero.png"));
        var article = TestContent.Article("sd-reviewed", PublicationStatus.Published);
        article.Summary = "When surgery fails, revision surgery may help.";
        article.HeroImage = new Image { AssetId = int.Parse(asset["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), Alt = "A surgeon" };
        article.Reviewer = new Reviewer { Name = "Dr. Ana Ruiz", Credentials = "MD" };
        article.ReviewedAt = new DateTime(2026, 3, 1, 14, 0, 0, DateTimeKind.Utc);
        article.Citations =
        [
            new Citation { Title = "Sciatica: diagnosis and management", Url = "https://www.bmj.com/content/367/bmj.l6273", Doi = "10.1136/bmj.l6273", PubMedId = "31801734" },
            new Citation { Title = "Low back pain and sciatica in over 16s", Url = "https://www.nice.org.uk/guidance/ng59" },
        ];
        await StoreAsync(article);
        await using (var db = factory.CreateDbContext())
        {
            var author = new Person { Slug = "sd-jane-doe", Name = "Jane Doe", Credentials = "PT, DPT", Status = PublicationStatus.Published };
            var unpublished = new Person { Slug = "sd-ghost-writer", Name = "Ghost Writer", Status = PublicationStatus.Draft };
            db.People.AddRange(author, unpublished);
            await db.SaveChangesAsync();
            db.ArticleAuthors.AddRange(
                new ArticleAuthor { ArticleId = article.Id, PersonId = unpublished.Id, Position = 0 },
                new ArticleAuthor { ArticleId = article.Id, PersonId = author.Id, Position = 1 });
            await db.SaveChangesAsync();
        }

        var data = await StructuredDataAsync(factory.CreateClient(), "sd-reviewed");

        Assert.Empty(s_vocabulary.Problems(data));
        Assert.Equal("MedicalWebPage", data["@type"]!.GetValue<string>());
        Assert.Equal("Title of sd-reviewed", data["headline"]!.GetValue<string>());
        Assert.Equal("When surgery fails, revision surgery may help.", data["description"]!.GetValue<string>());
        Assert.Equal($"{BaseUrl}/articles/sd-reviewed", data["url"]!.GetValue<string>());
        Assert.Equal(BaseUrl + asset["url"]!.GetValue<string>(), data["image"]!.GetValue<string>());
        Assert.Equal("2024-05-01T12:00:00Z", data["datePublished"]!.GetValue<string>());
        Assert.Equal("2026-03-01", data["lastReviewed"]!.GetValue<string>());
        Assert.Equal("""{"@type":"Person","name":"Dr. Ana Ruiz","honorificSuffix":"MD"}""", data["reviewedBy"]!.ToJsonString());
        Assert.Equal("""{"@type":"Organization","name":"Back Pain Centers of America","url":"https://blog.example.org"}""", data["publisher"]!.ToJsonString());
        Assert.Equal(
            $$"""[{"@type":"Person","name":"Jane Doe","honorificSuffix":"PT, DPT","url":"{{BaseUrl}}/people/sd-jane-doe"}]""",
            data["author"]!.ToJsonString()); // a person readers cannot see is not named
        var citations = data["citation"]!.AsArray();
        Assert.Equal(["https://doi.org/10.1136/bmj.l6273", "https://pubmed.ncbi.nlm.nih.gov/31801734/"], citations[0]!["sameAs"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Null(citations[1]!["sameAs"]);
    }

    [Fact]
    public async Task Should_use_the_canonical_url_and_link_preview_image_editors_set()
    {
        var article = TestContent.Article("sd-syndicated", PublicationStatus.Published);
        article.HeroImage = new Image { Url = "/media/hero.jpg", Alt = "Hero" };
        article.Seo = new Seo { CanonicalUrl = "https://partner.example.com/original", Image = new Image { Url = "/media/preview.jpg", Alt = "Preview" } };
        await StoreAsync(article);

        var data = await StructuredDataAsync(factory.CreateClient(), "sd-syndicated");

        Assert.Empty(s_vocabulary.Problems(data));
        Assert.Equal("https://partner.example.com/original", data["url"]!.GetValue<string>());
        Assert.Equal($"{BaseUrl}/media/preview.jpg", data["image"]!.GetValue<string>());
        Assert.Equal("Article", data["@type"]!.GetValue<string>()); // never reviewed: no reviewedBy, which only web pages have
        Assert.Null(data["reviewedBy"]);
        Assert.Equal(data["publisher"]!.ToJsonString(), data["author"]!.ToJsonString()); // no authors: the publisher
    }

    [Fact]
    public async Task Should_keep_what_an_editor_wrote_from_closing_the_script_element_it_is_embedded_in()
    {
        var article = TestContent.Article("sd-hostile", PublicationStatus.Published);
        article.Title = "</script><script>alert('x')</script> & <!-- more";
        await StoreAsync(article);

        var json = (await factory.CreateClient().PostQueryAsync(Query, new { slug = "sd-hostile" })).AssertData()["article"]!["structuredData"]!.GetValue<string>();

        Assert.DoesNotContain('<', json);
        Assert.DoesNotContain('>', json);
        Assert.Equal(article.Title, JsonNode.Parse(json)!["headline"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_describe_a_draft_an_editor_previews_without_a_publication_date()
    {
        await StoreAsync(TestContent.Article("sd-draft", PublicationStatus.Draft));

        var data = await StructuredDataAsync(await factory.CreateClientAsync(ApiKeyRole.Editor), "sd-draft");

        Assert.Empty(s_vocabulary.Problems(data));
        Assert.Null(data["datePublished"]);
        Assert.Equal("2024-05-01T12:00:00Z", data["dateModified"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_leave_out_links_it_cannot_make_absolute_without_the_sites_address()
    {
        await using var noAddress = new CustomContentHubFactory(("Seeding:OnStartup", "false"));
        var article = TestContent.Article("sd-no-address", PublicationStatus.Published);
        article.HeroImage = new Image { Url = "/media/hero.jpg", Alt = "Hero" };
        await using (var db = noAddress.CreateDbContext())
        {
            db.Articles.Add(article);
            await db.SaveChangesAsync();
        }

        var data = await StructuredDataAsync(noAddress.CreateClient(), "sd-no-address");

        Assert.Empty(s_vocabulary.Problems(data));
        Assert.Null(data["url"]);
        Assert.Null(data["image"]);
        Assert.Null(data["publisher"]); // no site settings stored
    }

    private async Task StoreAsync(Article article)
    {
        await using var db = factory.CreateDbContext();
        db.Articles.Add(article);
        await db.SaveChangesAsync();
    }

    private static async Task<JsonObject> StructuredDataAsync(HttpClient client, string slug)
    {
        var json = (await client.PostQueryAsync(Query, new { slug })).AssertData()["article"]!["structuredData"]!.GetValue<string>();
        return JsonNode.Parse(json)!.AsObject();
    }
}
