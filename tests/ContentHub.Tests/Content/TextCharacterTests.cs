using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Articles;
using ContentHub.Server.Content;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Content;

/// <summary>Control characters are refused in every text field on every write; one stored anyway breaks no page.</summary>
public sealed class TextCharacterTests(EmptyContentHubFactory factory) : IClassFixture<EmptyContentHubFactory>
{
    private const string CreateArticle =
        "mutation($input: ArticleInput!) { createArticle(input: $input) { article { slug } errors { field code message } } }";

    public static TheoryData<string, string, object> BadArticleFields => new()
    {
        { "a NUL in a tag", "tags[1]", new { title = "Tagged", body = "Text.", tags = new[] { "back-pain", "back\0pain" } } },
        { "a line feed in a title", "title", new { title = "Two\nlines", body = "Text." } },
        { "a line separator in an SEO title", "seo.title", new { title = "Seo", body = "Text.", seo = new { title = "a\u2028b" } } },
        { "an escape in a citation's title", "citations[0].title", new { title = "Cited", body = "Text.", citations = new[] { new { title = "\u001b[31mred", url = "https://example.org" } } } },
        { "a tab in an image URL", "heroImage.url", new { title = "Pictured", body = "Text.", heroImage = new { url = "https://example.org/a\tb.png", alt = "A" } } },
        { "a NUL in the Markdown body", "body", new { title = "Body", body = "Text\0 more." } },
        { "a C1 control in the summary", "summary", new { title = "Summary", body = "Text.", summary = "Next\u0085line" } },
    };

    [Theory]
    [MemberData(nameof(BadArticleFields))]
    public async Task Should_refuse_control_characters_in_article_fields(string vector, string field, object input)
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);

        var payload = (await editor.PostQueryAsync(CreateArticle, new { input })).AssertData()["createArticle"]!;

        Assert.Null(payload["article"]);
        Assert.Contains(payload["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == field && e["code"]!.GetValue<string>() == "INVALID_CHARACTER");
        Assert.True(payload["errors"]!.AsArray().Count > 0, vector);
    }

    /// <summary>JSON and YAML readers refuse or replace an unpaired surrogate before it reaches the rule, so it is checked here directly.</summary>
    [Fact]
    public void Should_refuse_a_lone_surrogate_even_in_a_multi_line_field()
    {
        var input = new ArticleSeed { Slug = "surrogates", Title = "Whole \uD83D\uDE00 emoji", Body = "Half \uD83D an emoji" };

        var error = Assert.Single(TextCharacters.Problems(input));

        Assert.Equal(("body", "INVALID_CHARACTER"), (error.Field, error.Code));
    }

    [Fact]
    public async Task Should_keep_tabs_and_line_breaks_in_multi_line_fields()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);

        var article = await CreateAsync(editor, new
        {
            title = "Lines",
            summary = "First line\r\nsecond line",
            body = "A paragraph.\n\n\tcode\n",
            seo = new { description = "One\ntwo\u2029three" },
        });

        Assert.Equal("First line\r\nsecond line", article["summary"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Category", "name", "{ \"name\": \"Red\\u001b[31m\" }")]
    [InlineData("Fact", "key", "{ \"key\": \"fact\\u0000\", \"text\": \"A fact\" }")]
    [InlineData("Fact", "text", "{ \"key\": \"fact\", \"text\": \"A\\u0007 fact\" }")]
    [InlineData("Disclaimer", "title", "{ \"key\": \"legal\", \"title\": \"Le\\rgal\", \"body\": \"Text\" }")]
    [InlineData("Promotion", "actionUrl", "{ \"key\": \"promo\", \"heading\": \"Promo\", \"actionUrl\": \"https://example.org/\\u0000\" }")]
    public async Task Should_refuse_control_characters_in_every_content_type(string type, string field, string input)
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var mutation = $"create{type}";

        var payload = (await editor.PostQueryAsync(
            $"mutation($input: {type}Input!) {{ {mutation}(input: $input) {{ errors {{ field code }} }} }}",
            new { input = JsonNode.Parse(input) })).AssertData()[mutation]!;

        Assert.Contains(payload["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == field && e["code"]!.GetValue<string>() == "INVALID_CHARACTER");
    }

    [Fact]
    public async Task Should_refuse_to_restore_a_revision_whose_text_holds_a_control_character()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = "Restorable", body = "Text.", tags = new[] { "spine" } });
        var updated = (await MutateAsync(editor, "updateArticle", article, new { title = "Restorable, renamed" }))["article"]!;
        await using (var db = factory.CreateDbContext())
        {
            var id = int.Parse(article["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            var revision = await db.Revisions.SingleAsync(r => r.ContentType == "Article" && r.ContentId == id && r.Version == 1);
            revision.Snapshot = revision.Snapshot.Replace("\"spine\"", "\"spi\\u0000ne\"", StringComparison.Ordinal);
            await db.SaveChangesAsync();
        }

        var payload = await MutateAsync(editor, "restoreArticleRevision", updated, expectErrors: true, extra: "revision: 1");

        Assert.Equal("tags[0]", payload["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal("INVALID_CHARACTER", payload["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_answer_a_page_with_related_articles_when_a_stored_tag_holds_a_nul()
    {
        await using (var db = factory.CreateDbContext())
        {
            // Stored behind the rules' back, as rows written before them may be.
            var broken = TestContent.Article("nul-tagged", PublicationStatus.Published);
            broken.Tags = ["back\0pain", "\"", "nerves"];
            var neighbour = TestContent.Article("nerve-neighbour", PublicationStatus.Published, minutesAfter: 5);
            neighbour.Tags = ["nerves"];
            db.Articles.AddRange(broken, neighbour);
            await db.SaveChangesAsync();
        }

        var response = await factory.CreateClient().PostQueryAsync("""{ article(slug: "nul-tagged") { related(first: 5) { slug } } }""");

        var related = response.AssertData()["article"]!["related"]!.AsArray().Select(a => a!["slug"]!.GetValue<string>());
        Assert.Contains("nerve-neighbour", related);
    }
}
