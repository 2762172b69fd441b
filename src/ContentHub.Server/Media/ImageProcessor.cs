using ImageMagick;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Media;

/// <summary>
/// The one place that decodes and encodes pixels, with Magick.NET (ImageMagick), chosen by measurement
/// (docs/media.md). It is only ever handed bytes whose format <see cref="ImageHeader"/> has told from the magic
/// numbers and whose size it has checked, and reads them with that format's coder alone, never by sniffing.
/// </summary>
public sealed class ImageProcessor
{
    private const int PlaceholderSize = 32;

    public ImageProcessor(IOptions<MediaOptions> options)
    {
        // A second line behind the header check: the decoder itself refuses to allocate past the limit. (Frames need
        // none: only the first is ever read.) The limit is the process's, as ImageMagick keeps it.
        ResourceLimits.Area = (ulong)options.Value.MaxPixels;
    }

    /// <summary>The average colour and a BlurHash of the (first frame of the) image.</summary>
    public (string DominantColor, string Placeholder) Summarize(byte[] bytes, AssetFormat format)
    {
        using var image = Read(bytes, format, PlaceholderSize * 2);
        image.Thumbnail(PlaceholderSize, PlaceholderSize);
        Flatten(image);
        var rgb = image.GetPixels().ToByteArray(PixelMapping.RGB) ?? throw new MagickCorruptImageErrorException("no pixels");
        var placeholder = BlurHash.Encode(rgb, (int)image.Width, (int)image.Height);
        return (BlurHash.AverageColor(placeholder), placeholder);
    }

    /// <summary>The image turned upright by its EXIF orientation and encoded again, in the same format, without any metadata.</summary>
    public byte[] EncodeWithoutMetadata(byte[] bytes, AssetFormat format)
    {
        using var image = Read(bytes, format, hintSize: null);
        image.AutoOrient();
        image.Strip();
        image.Quality = 90;
        return image.ToByteArray(MagickFormatOf(format));
    }

    private static MagickImage Read(byte[] bytes, AssetFormat format, int? hintSize)
    {
        var settings = new MagickReadSettings { Format = MagickFormatOf(format), FrameIndex = 0, FrameCount = 1 };
        if (hintSize is { } size && format == AssetFormat.Jpeg)
        {
            // libjpeg scales while decoding (1/2, 1/4, 1/8), so a large photo never exists in memory at full size.
            settings.SetDefine(MagickFormat.Jpeg, "size", $"{size}x{size}");
        }

        return new MagickImage(bytes, settings);
    }

    private static void Flatten(MagickImage image)
    {
        if (image.HasAlpha)
        {
            image.BackgroundColor = MagickColors.White;
            image.Alpha(AlphaAction.Remove);
        }

        image.ColorSpace = ColorSpace.sRGB;
    }

    private static MagickFormat MagickFormatOf(AssetFormat format) => format switch
    {
        AssetFormat.Jpeg => MagickFormat.Jpeg,
        AssetFormat.Png => MagickFormat.Png,
        AssetFormat.Webp => MagickFormat.WebP,
        AssetFormat.Avif => MagickFormat.Avif,
        AssetFormat.Gif => MagickFormat.Gif,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
