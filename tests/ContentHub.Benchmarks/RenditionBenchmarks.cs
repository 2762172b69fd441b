using BenchmarkDotNet.Attributes;
using ContentHub.Server.Media;
using ImageMagick;
using Microsoft.Extensions.Options;

namespace ContentHub.Benchmarks;

/// <summary>
/// A rendition as the queue makes it (<see cref="ImageProcessor.Render"/>: decode, scale, encode): an 800 px wide WebP
/// or AVIF of a 4000 × 3000 photo-like JPEG (quality 85). Time and managed allocations only: ImageMagick's pixel
/// buffers are native memory, which <c>scripts/load/run-media-load.sh</c> measures as the server's resident memory.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRunConfig))]
public class RenditionBenchmarks
{
    private readonly ImageProcessor _images = new(Options.Create(new MediaOptions()));
    private byte[] _photo = null!;
    private ImageHeader _header = null!;

    [Params(RenditionFormat.Webp, RenditionFormat.Avif)]
    public RenditionFormat Format { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        MagickNET.SetRandomSeed(13);
        using var photo = new MagickImage("plasma:", 4000, 3000) { Quality = 85 };
        _photo = photo.ToByteArray(MagickFormat.Jpeg);
        _header = ImageHeader.Read(_photo, maxFrames: 1).Header ?? throw new InvalidOperationException("The photo has no readable header.");
    }

    [Benchmark]
    public byte[] Render800() => _images.Render(_photo, _header, new Rendition(new string('0', 64), 800, 0, ImageFit.Cover, 50, 50, Format));
}
