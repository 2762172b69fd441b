using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using ImageMagick;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Xmp;

namespace ContentHub.Tests.Media;

public sealed class AssetUploadTests(EmptyContentHubFactory factory) : IClassFixture<EmptyContentHubFactory>
{
    public const string Upload = """
        mutation Upload($file: Upload!, $details: AssetDetailsInput!) {
          uploadAsset(file: $file, details: $details) {
            duplicate
            asset { id sha256 url fileName format bytes width height dominantColor placeholder alt decorative credit license consentOnFile focalX focalY }
            errors { field code message }
          }
        }
        """;

    public static async Task<GraphQLResponse> UploadAsync(HttpClient client, byte[] bytes, string fileName = "photo.jpg", object? details = null, bool preflight = true) =>
        await client.PostUploadAsync(Upload, new { file = (object?)null, details = details ?? new { alt = "A nurse helps a patient walk" } },
            [new UploadFile("variables.file", bytes, fileName, "image/jpeg")], preflight);

    [Fact]
    public async Task Should_store_an_uploaded_jpeg_without_its_gps_position_camera_or_xmp()
    {
        var original = TestImages.JpegWithGpsAndXmp();
        var metadata = ImageMetadataReader.ReadMetadata(new MemoryStream(original));
        Assert.NotEmpty(metadata.OfType<GpsDirectory>()); // the test image does carry what must go
        Assert.NotEmpty(metadata.OfType<XmpDirectory>());
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);

        var asset = (await UploadAsync(editor, original, details: new { alt = "Patient walking", credit = "Photo: Ward 4", license = "Own work", consentOnFile = true }))
            .AssertData()["uploadAsset"]!["asset"]!;

        var stored = await factory.CreateClient().GetByteArrayAsync(asset["url"]!.GetValue<string>());
        var left = ImageMetadataReader.ReadMetadata(new MemoryStream(stored));
        Assert.Empty(left.OfType<GpsDirectory>());
        Assert.Empty(left.OfType<XmpDirectory>());
        Assert.DoesNotContain(left.OfType<ExifIfd0Directory>(), d => d.ContainsTag(ExifDirectoryBase.TagMake));
        Assert.Equal(original.AsSpan(original.Length - 2).ToArray(), stored.AsSpan(stored.Length - 2).ToArray());
        using var decoded = new MagickImage(stored);
        Assert.Equal((400u, 300u), (decoded.Width, decoded.Height));
        Assert.Equal("JPEG", asset["format"]!.GetValue<string>());
        Assert.Equal((400, 300, stored.Length), (asset["width"]!.GetValue<int>(), asset["height"]!.GetValue<int>(), asset["bytes"]!.GetValue<int>()));
        Assert.Equal(("Photo: Ward 4", "Own work", true), (asset["credit"]!.GetValue<string>(), asset["license"]!.GetValue<string>(), asset["consentOnFile"]!.GetValue<bool>()));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stored)), asset["sha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_describe_an_upload_with_its_size_colour_and_placeholder()
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);

        var asset = (await UploadAsync(editor, TestImages.Make(MagickFormat.Png, 320, 200, "#ff0000"), "red.png"))
            .AssertData()["uploadAsset"]!["asset"]!;

        Assert.Equal(("PNG", 320, 200), (asset["format"]!.GetValue<string>(), asset["width"]!.GetValue<int>(), asset["height"]!.GetValue<int>()));
        Assert.Equal("#ff0000", asset["dominantColor"]!.GetValue<string>());
        Assert.Equal(28, asset["placeholder"]!.GetValue<string>().Length);
        Assert.Equal((0.5, 0.5), (asset["focalX"]!.GetValue<double>(), asset["focalY"]!.GetValue<double>()));
        Assert.Equal("red.png", asset["fileName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_store_identical_bytes_once()
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var bytes = TestImages.Make(MagickFormat.WebP, 64, 48, "#00ff00");

        var first = (await UploadAsync(editor, bytes, "a.webp")).AssertData()["uploadAsset"]!;
        var second = (await UploadAsync(editor, bytes, "b.webp", new { alt = "Something else" })).AssertData()["uploadAsset"]!;

        Assert.False(first["duplicate"]!.GetValue<bool>());
        Assert.True(second["duplicate"]!.GetValue<bool>());
        Assert.Equal(first["asset"]!["id"]!.GetValue<string>(), second["asset"]!["id"]!.GetValue<string>());
        await using var db = factory.CreateDbContext();
        Assert.Single(db.Assets, a => a.Sha256 == first["asset"]!["sha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_tell_the_type_from_the_bytes_not_the_name_or_declared_type()
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);

        var asset = (await UploadAsync(editor, TestImages.Make(MagickFormat.Gif, 30, 20), "holiday.jpg")).AssertData()["uploadAsset"]!["asset"]!;

        Assert.Equal("GIF", asset["format"]!.GetValue<string>());
        Assert.EndsWith(".gif", asset["url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], string> RefusedFiles => new()
    {
        { "svg", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(), "SVG_NOT_ACCEPTED" },
        { "text", "Dear editor, this is not a picture."u8.ToArray(), "UNSUPPORTED_FORMAT" },
        { "bomb", TestImages.PngHeaderOnly(100_000, 100_000), "TOO_MANY_PIXELS" },
        { "cut short", TestImages.Make(MagickFormat.Jpeg)[..40], "CORRUPT_IMAGE" },
        { "broken data", [.. TestImages.PngHeaderOnly(10, 10), .. new byte[64]], "CORRUPT_IMAGE" },
        { "size past the range of an int", TestImages.PngHeaderOnly(0x8000_0000, 1), "CORRUPT_IMAGE" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task Should_refuse_a_file_that_is_no_acceptable_image_with_a_coded_user_error(string file, byte[] bytes, string code)
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);

        var payload = (await UploadAsync(editor, bytes, file + ".jpg")).AssertData()["uploadAsset"]!;

        Assert.Null(payload["asset"]);
        Assert.Equal(code, payload["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("file", payload["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_require_alt_text_unless_the_image_is_decorative()
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var bytes = TestImages.Make(MagickFormat.Png, 10, 10, "#123456");

        var missing = (await UploadAsync(editor, bytes, details: new { credit = "Me" })).AssertData()["uploadAsset"]!;
        var decorative = (await UploadAsync(editor, bytes, details: new { decorative = true })).AssertData()["uploadAsset"]!;

        Assert.Equal(("alt", "REQUIRED"), (missing["errors"]![0]!["field"]!.GetValue<string>(), missing["errors"]![0]!["code"]!.GetValue<string>()));
        Assert.Null(missing["asset"]);
        Assert.True(decorative["asset"]!["decorative"]!.GetValue<bool>());
        Assert.Null(decorative["asset"]!["alt"]);
    }

    [Fact]
    public async Task Should_refuse_a_multipart_request_without_a_preflight_header()
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);

        var response = await UploadAsync(editor, TestImages.Make(MagickFormat.Png, 13, 17), preflight: false);

        Assert.Equal(400, response.Status);
        Assert.Equal("PREFLIGHT_REQUIRED", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        await using var db = factory.CreateDbContext();
        Assert.DoesNotContain(db.Assets, a => a.Width == 13 && a.Height == 17);
    }

    [Fact]
    public async Task Should_refuse_uploads_from_callers_who_are_not_editors()
    {
        var response = await UploadAsync(factory.CreateClient(), TestImages.Make(MagickFormat.Png, 11, 11));

        Assert.Equal(401, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_refuse_a_map_that_points_outside_the_variables()
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);

        var response = await editor.PostUploadAsync(Upload, new { file = (object?)null, details = new { alt = "x" } },
            [new UploadFile("query", TestImages.Make(MagickFormat.Png, 10, 10), "a.png")]);

        Assert.Equal(400, response.Status);
        Assert.Equal("BAD_REQUEST", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    internal static JsonNode Asset(GraphQLResponse response) => response.AssertData()["uploadAsset"]!["asset"]!;
}

public sealed class AssetUploadLimitTests(AssetUploadLimitTests.LimitedFactory factory) : IClassFixture<AssetUploadLimitTests.LimitedFactory>
{
    public sealed class LimitedFactory() : ContentHubFactory(("Seeding:OnStartup", "false"), ("Media:MaxBytes", "4096"), ("Media:MaxFrames", "3"));

    [Fact]
    public async Task Should_refuse_a_file_over_the_byte_limit()
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var noisy = TestImages.Make(MagickFormat.Png, 10, 10).Concat(new byte[5000]).ToArray();

        var payload = (await AssetUploadTests.UploadAsync(editor, noisy)).AssertData()["uploadAsset"]!;

        Assert.Equal("FILE_TOO_LARGE", payload["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_refuse_an_animation_with_more_frames_than_the_limit()
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);

        var three = (await AssetUploadTests.UploadAsync(editor, TestImages.AnimatedGif(3), "three.gif")).AssertData()["uploadAsset"]!;
        var four = (await AssetUploadTests.UploadAsync(editor, TestImages.AnimatedGif(4), "four.gif")).AssertData()["uploadAsset"]!;

        Assert.Equal("GIF", three["asset"]!["format"]!.GetValue<string>());
        Assert.Equal("TOO_MANY_FRAMES", four["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_refuse_a_body_far_over_the_limit_before_reading_it_all()
    {
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);

        var response = await AssetUploadTests.UploadAsync(editor, new byte[8 * 1024 * 1024]);

        Assert.Equal(413, response.Status);
        Assert.Equal("BODY_SIZE_LIMIT_EXCEEDED", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}

/// <summary>On PostgreSQL: SQLite's transactions take the write lock when they begin, so there two uploads cannot interleave.</summary>
public sealed class AssetUploadRaceTests(PostgreSqlEmptyContentHubFactory factory) : IClassFixture<PostgreSqlEmptyContentHubFactory>
{
    [SkippableFact]
    public async Task Should_answer_the_second_of_two_simultaneous_identical_uploads_with_the_first_ones_asset()
    {
        factory.SkipUnlessAvailable();
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var bytes = TestImages.Make(MagickFormat.Png, 21, 13, "#abcdef");
        factory.Pause.Arm("INSERT INTO \"Assets\"");

        // The first upload checks for its bytes, finds none, and is held just before its insert.
        var held = AssetUploadTests.UploadAsync(editor, bytes, "held.png");
        await factory.Pause.Paused;
        var winner = AssetUploadTests.Asset(await AssetUploadTests.UploadAsync(editor, bytes, "winner.png"));
        factory.Pause.Release();
        var late = (await held).AssertData()["uploadAsset"]!;

        Assert.True(late["duplicate"]!.GetValue<bool>());
        Assert.Equal(winner["id"]!.GetValue<string>(), late["asset"]!["id"]!.GetValue<string>());
    }
}
