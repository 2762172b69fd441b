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

    /// <summary>
    /// A second line behind the header check: the decoder itself refuses to allocate past the limit. (Frames need
    /// none: only the first is ever read.) The limit is the process's, as ImageMagick keeps it. Set before the first
    /// image is read, not when the server starts: any call into ImageMagick loads its native library, some 11 MiB a
    /// node that never reads an image need not hold.
    /// </summary>
    private readonly Lazy<bool> _decoderLimited;

    public ImageProcessor(IOptions<MediaOptions> options) =>
        _decoderLimited = new(() =>
        {
            ResourceLimits.Area = (ulong)options.Value.MaxPixels;
            return true;
        });

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

    /// <summary>
    /// Renders <paramref name="rendition"/> (in a concrete format) from the original: scaled while decoding where the
    /// format allows, never enlarged, cropped around the focal point for <see cref="ImageFit.Cover"/>; first frame only.
    /// </summary>
    public byte[] Render(byte[] original, ImageHeader header, Rendition rendition)
    {
        var (scale, boxWidth, boxHeight) = Scale(header.Width, header.Height, rendition);
        var scaledWidth = Math.Max(1, (int)Math.Round(header.Width * scale));
        var scaledHeight = Math.Max(1, (int)Math.Round(header.Height * scale));
        using var image = Read(original, header.Format, Math.Max(scaledWidth, scaledHeight));
        image.Resize(new MagickGeometry((uint)scaledWidth, (uint)scaledHeight) { IgnoreAspectRatio = true });
        if (rendition.Fit == ImageFit.Cover && (boxWidth < scaledWidth || boxHeight < scaledHeight))
        {
            var x = Math.Clamp((int)Math.Round((scaledWidth * rendition.FocalX / 100.0) - (boxWidth / 2.0)), 0, scaledWidth - boxWidth);
            var y = Math.Clamp((int)Math.Round((scaledHeight * rendition.FocalY / 100.0) - (boxHeight / 2.0)), 0, scaledHeight - boxHeight);
            image.Crop(new MagickGeometry(x, y, (uint)boxWidth, (uint)boxHeight));
            image.ResetPage();
        }

        image.Strip();
        image.Quality = rendition.Format is RenditionFormat.Avif ? 55u : 80u;
        return image.ToByteArray(rendition.Format switch
        {
            RenditionFormat.Png => MagickFormat.Png,
            RenditionFormat.Webp => MagickFormat.WebP,
            RenditionFormat.Avif => MagickFormat.Avif,
            _ => MagickFormat.Jpeg,
        });
    }

    /// <summary>The factor the whole image is scaled by, and the box the result is cropped to (cover) or fits in.</summary>
    private static (double Scale, int Width, int Height) Scale(int width, int height, Rendition rendition)
    {
        var boxWidth = Math.Min(rendition.Width, width);
        var boxHeight = rendition.Height == 0 ? (int)Math.Round((double)height * boxWidth / width) : Math.Min(rendition.Height, height);
        var scale = rendition.Fit == ImageFit.Cover
            ? Math.Max((double)boxWidth / width, (double)boxHeight / height)
            : Math.Min((double)boxWidth / width, (double)boxHeight / height);
        return (Math.Min(scale, 1), Math.Max(1, boxWidth), Math.Max(1, boxHeight));
    }

    private MagickImage Read(byte[] bytes, AssetFormat format, int? hintSize)
    {
        _ = _decoderLimited.Value;
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
