using ContentHub.Server.Seeding;
using ContentHub.Tests.Support;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Tests.Media;

public sealed class SeedMediaTests(EmptyContentHubFactory factory) : IClassFixture<EmptyContentHubFactory>
{
    [Fact]
    public async Task Should_import_listed_seed_media_once_stripped_and_reachable_by_the_path_front_matter_uses()
    {
        using var folder = SeedFolder.CopyOfRepositorySeedData()
            .Write("media.yaml", "- file: spine-surgery.jpg\n  alt: Doctors performing minimally invasive spine surgery on patient\n  credit: 'Photo: Back to Life'\n  consentOnFile: true\n");
        await WriteAsync(folder, "spine-surgery.jpg", TestImages.JpegWithGpsAndXmp());
        var runner = factory.Services.GetRequiredService<SeedRunner>();

        var (_, errors) = await runner.RunAsync(folder.Path, dryRun: false, force: false, progress: null, CancellationToken.None);
        var (_, again) = await runner.RunAsync(folder.Path, dryRun: false, force: false, progress: null, CancellationToken.None);
        var served = await factory.CreateClient().GetByteArrayAsync("/media/spine-surgery.jpg");

        Assert.Empty(errors);
        Assert.Empty(again);
        await using var db = factory.CreateDbContext();
        var asset = await db.Assets.SingleAsync(a => a.FileName == "spine-surgery.jpg");
        Assert.Equal(("Photo: Back to Life", true, 400), (asset.Credit, asset.ConsentOnFile, asset.Width));
        Assert.Equal("/media/spine-surgery.jpg", (await db.Articles.SingleAsync(a => a.Slug == "revision-surgery")).HeroImage!.Url);
        Assert.Equal(asset.Bytes, served.Length);
        Assert.Empty(ImageMetadataReader.ReadMetadata(new MemoryStream(served)).OfType<GpsDirectory>());
    }

    [Fact]
    public async Task Should_refuse_a_seed_folder_whose_media_list_names_a_missing_file_or_lacks_alt_text()
    {
        using var folder = SeedFolder.Empty()
            .Write("media.yaml", "- file: missing.jpg\n  alt: Gone\n- file: plain.png\n");
        await WriteAsync(folder, "plain.png", TestImages.Make(ImageMagick.MagickFormat.Png, 12, 34));

        var (report, errors) = await factory.Services.GetRequiredService<SeedRunner>().RunAsync(folder.Path, dryRun: false, force: false, progress: null, CancellationToken.None);

        Assert.Null(report);
        Assert.Equal(["media.yaml:1: file 'missing.jpg' is not a file in media/", "media.yaml:3: plain.png: alt: alt is required (REQUIRED)"], errors.Select(e => e.ToString()));
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Assets.AnyAsync(a => a.Height == 34));
    }

    private static async Task WriteAsync(SeedFolder folder, string name, byte[] bytes)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(folder.Path, "media"));
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "media", name), bytes);
    }
}
