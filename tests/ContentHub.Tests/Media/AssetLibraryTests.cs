using ContentHub.Server.Access;
using ContentHub.Server.Media;
using ContentHub.Server.Seeding;
using ContentHub.Tests.Support;
using ImageMagick;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Tests.Media;

public sealed class AssetLibraryTests(EmptyContentHubFactory factory) : IClassFixture<EmptyContentHubFactory>
{
    private const string Payload = "asset { id alt decorative credit focalX focalY deletedAt } errors { field code message }";

    [Fact]
    public async Task Should_page_the_library_newest_first_for_editors_only()
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var ids = new List<string>();
        foreach (var color in (string[])["#010101", "#020202", "#030303"])
        {
            ids.Add(await UploadAsync(editor, color));
        }

        const string page = "query($after: String) { assets(first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }";
        var first = (await editor.PostQueryAsync(page)).AssertData()["assets"]!;
        var second = (await editor.PostQueryAsync(page, new { after = first["pageInfo"]!["endCursor"]!.GetValue<string>() })).AssertData()["assets"]!;
        var anonymous = await factory.CreateClient().PostQueryAsync(page);

        var seen = first["edges"]!.AsArray().Concat(second["edges"]!.AsArray()).Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.AsEnumerable().Reverse().ToList(), seen.Where(ids.Contains).ToList());
        Assert.True(first["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(2, first["edges"]!.AsArray().Count);
        Assert.Equal("UNAUTHENTICATED", anonymous.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_update_the_description_and_focal_point_and_refuse_a_focal_point_off_the_image()
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var id = await UploadAsync(editor, "#101010");

        var updated = await MutateAsync(editor, "updateAsset", id, "details: { alt: \"A surgeon's hands\", credit: \"Photo: Ward 4\" }, focalX: 0.25, focalY: 0.75");
        var refused = await MutateAsync(editor, "updateAsset", id, "details: { alt: \"x\" }, focalX: 1.5");

        Assert.Equal(("A surgeon's hands", "Photo: Ward 4", 0.25, 0.75), (updated["asset"]!["alt"]!.GetValue<string>(), updated["asset"]!["credit"]!.GetValue<string>(),
            updated["asset"]!["focalX"]!.GetValue<double>(), updated["asset"]!["focalY"]!.GetValue<double>()));
        Assert.Equal(("focalX", "INVALID_VALUE"), (refused["errors"]![0]!["field"]!.GetValue<string>(), refused["errors"]![0]!["code"]!.GetValue<string>()));
        var stored = (await editor.PostQueryAsync("query($id: ID!) { asset(id: $id) { alt focalX } }", new { id })).AssertData()["asset"]!;
        Assert.Equal(("A surgeon's hands", 0.25), (stored["alt"]!.GetValue<string>(), stored["focalX"]!.GetValue<double>()));
    }

    [Fact]
    public async Task Should_move_an_asset_to_the_trash_and_back()
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var id = await UploadAsync(editor, "#202020");

        await MutateAsync(editor, "deleteAsset", id);
        var inTrash = await ListedAsync(editor, deleted: true);
        var outside = await ListedAsync(editor, deleted: false);
        await MutateAsync(editor, "restoreAsset", id);

        Assert.Contains(id, inTrash);
        Assert.DoesNotContain(id, outside);
        Assert.Contains(id, await ListedAsync(editor, deleted: false));
    }

    [Fact]
    public async Task Should_give_readers_new_rendition_urls_at_once_when_the_focal_point_moves_or_the_asset_goes_to_the_trash()
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var id = await UploadAsync(editor, "#505050");
        var article = await ArticleMutations.CreateAsync(editor, new { slug = "focal-cache", title = "Focal cache", body = "Text.", heroImage = new { assetId = id, alt = "A" } });
        await ArticleMutations.MutateAsync(editor, "publishArticle", article);
        const string Card = """{ article(slug: "focal-cache") { heroImage { url(width: 12, height: 12) } } }""";
        var reader = factory.CreateClient();
        async Task<string?> CardAsync() => (await reader.PostQueryAsync(Card)).AssertData()["article"]!["heroImage"]!["url"]?.GetValue<string>();

        var before = await CardAsync(); // now in the response cache
        await MutateAsync(editor, "updateAsset", id, "details: { alt: \"A\" }, focalX: 0.1, focalY: 0.9");
        var moved = await CardAsync();
        await MutateAsync(editor, "deleteAsset", id);
        var trashed = await CardAsync();

        Assert.Contains("-50-50.", before, StringComparison.Ordinal);
        Assert.Contains("-10-90.", moved, StringComparison.Ordinal);
        Assert.Null(trashed);
    }

    [Theory]
    [InlineData("walking-again", "#303030", false)]
    [InlineData("walking-preview", "#313131", true)]
    public async Task Should_refuse_to_purge_an_asset_a_published_article_shows_naming_the_article(string slug, string color, bool asLinkPreview)
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var id = await UploadAsync(editor, color);
        var image = new { assetId = id, alt = "Patient walking" };
        var article = await ArticleMutations.CreateAsync(editor, asLinkPreview
            ? new { slug, title = "Walking again", body = "Text.", seo = new { image } }
            : (object)new { slug, title = "Walking again", body = "Text.", heroImage = image });
        await ArticleMutations.MutateAsync(editor, "publishArticle", article);
        await MutateAsync(editor, "deleteAsset", id);

        var refused = await MutateAsync(editor, "purgeAsset", id);

        Assert.Equal("IN_USE", refused["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Contains($"article '{slug}'", refused["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        Assert.True(await db.Assets.AnyAsync(a => a.Id == int.Parse(id)));
    }

    [Fact]
    public async Task Should_purge_an_unused_asset_in_the_trash_with_its_file()
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var id = await UploadAsync(editor, "#404040");
        var url = (await editor.PostQueryAsync("query($id: ID!) { asset(id: $id) { url } }", new { id })).AssertData()["asset"]!["url"]!.GetValue<string>();

        var notInTrash = await MutateAsync(editor, "purgeAsset", id);
        await MutateAsync(editor, "deleteAsset", id);
        await MutateAsync(editor, "purgeAsset", id);

        Assert.Equal("INVALID_STATE", notInTrash["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(url)).StatusCode);
        Assert.Null((await editor.PostQueryAsync("query($id: ID!) { asset(id: $id) { id } }", new { id })).AssertData()["asset"]);
    }

    [Theory]
    [InlineData("/media/patient-walking.jpg", null)]
    [InlineData("https://images.example.org/walk.jpg", null)]
    [InlineData("javascript:alert(1)", "INVALID_URL")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", "INVALID_URL")]
    [InlineData("//evil.example/walk.jpg", "INVALID_URL")]
    [InlineData("media/walk.jpg", "INVALID_URL")]
    public async Task Should_take_an_http_url_or_a_site_relative_path_as_an_image(string url, string? code)
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);

        var payload = (await editor.PostQueryAsync(
            "mutation($input: ArticleInput!) { createArticle(input: $input) { article { heroImage { url } } errors { field code } } }",
            new { input = new { slug = "image-" + Guid.NewGuid().ToString("N")[..8], title = "Image", body = "Text.", heroImage = new { url, alt = "A walk" } } }))
            .AssertData()["createArticle"]!;

        if (code is null)
        {
            Assert.Equal(url, payload["article"]!["heroImage"]!["url"]!.GetValue<string>());
        }
        else
        {
            Assert.Equal(("heroImage.url", code), (payload["errors"]![0]!["field"]!.GetValue<string>(), payload["errors"]![0]!["code"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Should_import_the_repository_seed_photo_as_the_seed_articles_hero_image_with_renditions()
    {
        var (_, errors) = await factory.Services.GetRequiredService<SeedRunner>().RunAsync(
            ContentHubFactory.RepositorySeedData, dryRun: false, force: false, progress: null, CancellationToken.None);
        var served = await factory.CreateClient().GetByteArrayAsync("/media/spine-surgery.jpg"); // a redirect to the stored file, followed
        var card = (await factory.CreateClient().PostQueryAsync("{ article(slug: \"revision-surgery\") { heroImage { card: url(width: 400, format: WEBP) } } }"))
            .AssertData()["article"]!["heroImage"]!["card"]!.GetValue<string>();
        using var rendition = new MagickImage(await factory.CreateClient().GetByteArrayAsync(card));

        Assert.Empty(errors);
        await using var db = factory.CreateDbContext();
        var hero = (await db.Articles.SingleAsync(a => a.Slug == "revision-surgery")).HeroImage!;
        var asset = await db.Assets.SingleAsync(a => a.FileName == "spine-surgery.jpg");
        Assert.Equal(("/media/spine-surgery.jpg", "Doctors performing minimally invasive spine surgery on patient"), (hero.Url, hero.Alt));
        Assert.Equal((hero.Alt, "Illustration: ContentHub seed data", "CC0-1.0", AssetFormat.Jpeg), (asset.Alt, asset.Credit, asset.License, asset.Format));
        Assert.Equal((1200, 675, asset.Bytes), (asset.Width, asset.Height, served.Length));
        Assert.Equal((MagickFormat.WebP, 400u, 225u), (rendition.Format, rendition.Width, rendition.Height));
    }

    private static async Task<string> UploadAsync(HttpClient editor, string color) =>
        AssetUploadTests.Asset(await AssetUploadTests.UploadAsync(editor, TestImages.Make(MagickFormat.Png, 24, 16, color), "library.png"))["id"]!.GetValue<string>();

    private static async Task<System.Text.Json.Nodes.JsonNode> MutateAsync(HttpClient editor, string mutation, string id, string? arguments = null) =>
        (await editor.PostQueryAsync($"mutation($id: ID!) {{ {mutation}(id: $id{(arguments is null ? "" : ", " + arguments)}) {{ {Payload} }} }}", new { id }))
            .AssertData()[mutation]!;

    private static async Task<List<string>> ListedAsync(HttpClient editor, bool deleted) =>
        (await editor.PostQueryAsync("query($deleted: Boolean) { assets(first: 100, deleted: $deleted) { edges { node { id } } } }", new { deleted }))
            .AssertData()["assets"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();
}
