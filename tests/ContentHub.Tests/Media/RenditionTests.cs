using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using ImageMagick;

namespace ContentHub.Tests.Media;

public sealed class RenditionTests(EmptyContentHubFactory factory) : IClassFixture<EmptyContentHubFactory>
{
    [Fact]
    public async Task Should_serve_a_signed_rendition_cropped_around_the_focal_point_with_immutable_caching()
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var image = await ArticleImageAsync(editor, focalX: 0.9, "url(width: 100, height: 100, fit: COVER, format: PNG)");
        var url = image["url"]!.GetValue<string>();
        var reader = factory.CreateClient();

        using var response = await reader.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var revalidated = await reader.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        using var rendition = new MagickImage(bytes);
        Assert.Equal((100u, 100u), (rendition.Width, rendition.Height));
        // Red left half, blue right half, focal point far right: the square comes from the blue half. Centred, it would start in the red.
        using var pixels = rendition.GetPixels();
        var left = pixels.GetPixel(5, 50).ToColor()!;
        Assert.True(left.B > 200 && left.R < 50, $"expected blue at the left edge, got {left}");
    }

    [Theory]
    [InlineData("WEBP", "image/webp")]
    [InlineData("AVIF", "image/avif")]
    [InlineData("JPEG", "image/jpeg")]
    public async Task Should_encode_a_rendition_in_the_format_asked_for(string format, string mediaType)
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var url = (await ArticleImageAsync(editor, focalX: 0.5, $"url(width: 60, format: {format})"))["url"]!.GetValue<string>();

        using var response = await factory.CreateClient().GetAsync(url);
        using var rendition = new MagickImage(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal((60u, 30u), (rendition.Width, rendition.Height));
    }

    [Fact]
    public async Task Should_choose_the_format_by_accept_only_when_the_url_says_auto()
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var url = (await ArticleImageAsync(editor, focalX: 0.5, "url(width: 40, format: AUTO)"))["url"]!.GetValue<string>();

        using var webp = new HttpRequestMessage(HttpMethod.Get, url);
        webp.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/webp"));
        using var webpResponse = await factory.CreateClient().SendAsync(webp);
        using var plainResponse = await factory.CreateClient().GetAsync(url);

        Assert.Equal("image/webp", webpResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal("image/jpeg", plainResponse.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept", webpResponse.Headers.Vary);
    }

    [Fact]
    public async Task Should_refuse_a_rendition_url_that_was_not_signed_for_that_size()
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var url = (await ArticleImageAsync(editor, focalX: 0.5, "url(width: 80)"))["url"]!.GetValue<string>();

        using var forged = await factory.CreateClient().GetAsync(url.Replace("/80x0-", "/81x0-", StringComparison.Ordinal));
        using var unsigned = await factory.CreateClient().GetAsync(url[..url.IndexOf('?', StringComparison.Ordinal)]);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
    }

    [Fact]
    public async Task Should_list_renditions_in_a_src_set_and_keep_the_url_of_an_image_that_is_no_asset()
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var image = await ArticleImageAsync(editor, focalX: 0.5, "srcSet(widths: [200, 100, 800], format: WEBP) original: url");
        var external = (await editor.PostQueryAsync(
            "mutation($input: ArticleInput!) { createArticle(input: $input) { article { heroImage { url(width: 100) srcSet(widths: [100]) } } } }",
            new { input = new { slug = "external-image", title = "External", body = "Text.", heroImage = new { url = "/media/walk.jpg", alt = "A walk" } } }))
            .AssertData()["createArticle"]!["article"]!["heroImage"]!;

        var candidates = image["srcSet"]!.GetValue<string>().Split(", ");
        Assert.Equal(["100w", "200w", "400w"], candidates.Select(c => c.Split(' ')[1]));
        Assert.All(candidates, c => Assert.Contains(".webp?s=", c, StringComparison.Ordinal));
        Assert.EndsWith(".png", image["original"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("/media/walk.jpg", external["url"]!.GetValue<string>());
        Assert.Null(external["srcSet"]);
    }

    [Fact]
    public async Task Should_make_renditions_of_the_asset_a_site_relative_media_path_names_until_it_is_in_the_trash()
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var fileName = $"named-{Guid.NewGuid():N}.png";
        var asset = AssetUploadTests.Asset(await AssetUploadTests.UploadAsync(editor, TestImages.Make(MagickFormat.Png, 300, 150, "#8b4513"), fileName));
        const string Image = "heroImage { url card: url(width: 100, format: WEBP) srcSet(widths: [50]) }";
        var slug = "named-" + fileName[6..14];
        (await editor.PostQueryAsync(
            "mutation($input: ArticleInput!) { createArticle(input: $input) { errors { code } } }",
            new { input = new { slug, title = "Named", body = "Text.", heroImage = new { url = "/media/" + fileName, alt = "Brown" } } })).AssertData();
        async Task<JsonNode> ImageAsync() =>
            (await editor.PostQueryAsync($"query($slug: String!) {{ article(slug: $slug) {{ {Image} }} }}", new { slug })).AssertData()["article"]!["heroImage"]!;

        var image = await ImageAsync();
        using var rendition = await factory.CreateClient().GetAsync(image["card"]!.GetValue<string>());
        (await editor.PostQueryAsync("mutation($id: ID!) { deleteAsset(id: $id) { errors { code } } }", new { id = asset["id"]!.GetValue<string>() })).AssertData();
        var trashed = await ImageAsync();

        Assert.Equal("/media/" + fileName, image["url"]!.GetValue<string>());
        Assert.StartsWith($"/media/{asset["sha256"]!.GetValue<string>()}/100x0-cover-50-50.webp?s=", image["card"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith(" 50w", image["srcSet"]!.GetValue<string>(), StringComparison.Ordinal);
        using var decoded = new MagickImage(await rendition.Content.ReadAsByteArrayAsync());
        Assert.Equal((MagickFormat.WebP, 100u, 50u), (decoded.Format, decoded.Width, decoded.Height));
        Assert.Equal("/media/" + fileName, trashed["card"]!.GetValue<string>());
        Assert.Null(trashed["srcSet"]);
    }

    /// <summary>A draft article whose hero image is a new 400×200 asset (red left half, blue right half), read through <paramref name="fields"/>.</summary>
    private static async Task<JsonNode> ArticleImageAsync(HttpClient editor, double focalX, string fields)
    {
        using var halves = new MagickImageCollection { new MagickImage(MagickColors.Red, 200, 200), new MagickImage(MagickColors.Blue, 200, 200) };
        using var picture = halves.AppendHorizontally();
        picture.Comment = Guid.NewGuid().ToString(); // different bytes each time: a new asset, not a duplicate
        picture.Format = MagickFormat.Png;
        var id = AssetUploadTests.Asset(await AssetUploadTests.UploadAsync(editor, picture.ToByteArray(), "halves.png"))["id"]!.GetValue<string>();
        (await editor.PostQueryAsync("mutation($id: ID!, $x: Float) { updateAsset(id: $id, details: { alt: \"Halves\" }, focalX: $x) { errors { code } } }", new { id, x = focalX })).AssertData();
        var slug = "rendition-" + Guid.NewGuid().ToString("N")[..8];
        return (await editor.PostQueryAsync(
            $"mutation($input: ArticleInput!) {{ createArticle(input: $input) {{ article {{ heroImage {{ {fields} }} }} errors {{ code }} }} }}",
            new { input = new { slug, title = "Renditions", body = "Text.", heroImage = new { assetId = id, alt = "Halves" } } }))
            .AssertData()["createArticle"]!["article"]!["heroImage"]!;
    }
}
