using System.Net;
using ContentHub.Server.Access;
using ContentHub.Server.Benchmarking;
using ContentHub.Tests.Media;
using ContentHub.Tests.Support;
using ImageMagick;

namespace ContentHub.Tests.Http;

/// <summary>The load runs' fixed-JSON baseline and static-file ceiling exist only when a setting asks for them.</summary>
public sealed class BaselineEndpointTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    [Fact]
    public async Task Should_not_serve_the_baseline_by_default()
    {
        using var response = await factory.CreateClient().GetAsync(BaselineEndpoint.Path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Should_serve_constant_json_when_enabled()
    {
        using var app = factory.WithWebHostBuilder(builder => builder.UseSetting(BaselineEndpoint.Setting, "true"));
        var client = app.CreateClient();

        using var first = await client.GetAsync(BaselineEndpoint.Path);
        using var second = await client.GetAsync(BaselineEndpoint.Path);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());
        var body = await first.Content.ReadAsStringAsync();
        Assert.Equal("ContentHub", System.Text.Json.Nodes.JsonNode.Parse(body)!["data"]!["site"]!["name"]!.GetValue<string>());
        Assert.Equal(body, await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_serve_made_renditions_and_nothing_else_of_the_asset_store_as_static_files_only_when_enabled()
    {
        using var app = factory.WithWebHostBuilder(builder => builder.UseSetting(BaselineEndpoint.Setting, "true"));
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var id = AssetUploadTests.Asset(await AssetUploadTests.UploadAsync(editor, TestImages.Make(MagickFormat.Png, 300, 200, "#2e8b57"), "green.png"))["id"]!.GetValue<string>();
        var url = (await editor.PostQueryAsync(
            "mutation($input: ArticleInput!) { createArticle(input: $input) { article { heroImage { url(width: 120, format: WEBP) } } } }",
            new { input = new { slug = "static-ceiling", title = "Static", body = "Text.", heroImage = new { assetId = id, alt = "Green" } } }))
            .AssertData()["createArticle"]!["article"]!["heroImage"]!["url"]!.GetValue<string>();
        var rendition = await app.CreateClient().GetByteArrayAsync(url);
        var path = url["/media/".Length..url.IndexOf('?', StringComparison.Ordinal)];
        var sha256 = path[..64];
        var asStatic = $"{BaselineEndpoint.StaticPath}/{sha256[..2]}/{sha256[2..4]}/{sha256}.d/{path[65..]}";

        using var served = await app.CreateClient().GetAsync(asStatic);
        using var original = await app.CreateClient().GetAsync($"{BaselineEndpoint.StaticPath}/{sha256[..2]}/{sha256[2..4]}/{sha256}");
        using var signingKey = await app.CreateClient().GetAsync($"{BaselineEndpoint.StaticPath}/rendition-signing.key");
        using var byDefault = await factory.CreateClient().GetAsync(asStatic);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/webp", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(rendition, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (original.StatusCode, signingKey.StatusCode, byDefault.StatusCode));
    }
}
