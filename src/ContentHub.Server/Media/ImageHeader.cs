using System.Buffers.Binary;
using System.Text;

namespace ContentHub.Server.Media;

/// <summary>
/// What a file's first bytes say it is: the format (from magic numbers, never the name or a declared type), the
/// size in pixels and the number of frames, read without decoding a pixel, so a decompression bomb is refused
/// before it costs memory.
/// </summary>
public sealed record ImageHeader(AssetFormat Format, int Width, int Height, int Frames, int Orientation = 1)
{
    public long Pixels => (long)Width * Height;

    /// <summary>The header, or the code and message of a user error.</summary>
    public static (ImageHeader? Header, string? Code, string? Message) Read(ReadOnlySpan<byte> bytes, int maxFrames)
    {
        try
        {
            var header = bytes switch
            {
                [0xFF, 0xD8, 0xFF, ..] => Jpeg(bytes),
                [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Png(bytes),
                [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] => Gif(bytes, maxFrames),
                [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => Webp(bytes),
                [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', ..] when HasBrand(bytes, "avif"u8) || HasBrand(bytes, "avis"u8) => Avif(bytes),
                _ => null,
            };
            if (header is not null)
            {
                return header.Width > 0 && header.Height > 0
                    ? (header, null, null)
                    : (null, MediaErrorCodes.CorruptImage, $"The {header.Format} header gives no size.");
            }
        }
        catch (Exception exception) when (exception is ArgumentOutOfRangeException or IndexOutOfRangeException or InvalidDataException or OverflowException)
        {
            return (null, MediaErrorCodes.CorruptImage, "The file starts like an image, but its header is cut short or broken.");
        }

        return LooksLikeSvg(bytes)
            ? (null, MediaErrorCodes.SvgNotAccepted, "SVG is not accepted: an SVG is a document that can carry scripts, links and external references. Upload a PNG or WebP of it.")
            : (null, MediaErrorCodes.UnsupportedFormat, "The file is not a JPEG, PNG, WebP, AVIF or GIF image (told from its bytes, not its name).");
    }

    private static ImageHeader Jpeg(ReadOnlySpan<byte> bytes)
    {
        var orientation = 1;
        var i = 2;
        while (true)
        {
            if (bytes[i] != 0xFF)
            {
                throw new InvalidDataException();
            }

            var marker = bytes[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 2)..]);
            var segment = bytes.Slice(i + 4, length - 2);
            if (marker == 0xE1 && segment.StartsWith("Exif\0\0"u8))
            {
                orientation = ExifOrientation(segment[6..]);
            }

            // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC): the frame header with the size.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return new ImageHeader(AssetFormat.Jpeg, BinaryPrimitives.ReadUInt16BigEndian(segment[3..]), BinaryPrimitives.ReadUInt16BigEndian(segment[1..]), 1, orientation);
            }

            i += 2 + length;
        }
    }

    /// <summary>Tag 0x0112 of the first image directory of an Exif block, 1 when absent or out of range.</summary>
    private static int ExifOrientation(ReadOnlySpan<byte> tiff)
    {
        var little = tiff.StartsWith("II"u8);
        var directory = checked((int)(little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff[4..]) : BinaryPrimitives.ReadUInt32BigEndian(tiff[4..])));
        var entries = U16(tiff, directory, little);
        for (var e = 0; e < entries; e++)
        {
            var entry = directory + 2 + (e * 12);
            if (U16(tiff, entry, little) == 0x0112)
            {
                var value = U16(tiff, entry + 8, little);
                return value is >= 1 and <= 8 ? value : 1;
            }
        }

        return 1;
    }

    private static int U16(ReadOnlySpan<byte> tiff, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(tiff[at..]) : BinaryPrimitives.ReadUInt16BigEndian(tiff[at..]);

    private static ImageHeader Png(ReadOnlySpan<byte> bytes)
    {
        var frames = 1;
        for (var i = 8; i + 8 <= bytes.Length;)
        {
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(bytes[i..]));
            var type = bytes.Slice(i + 4, 4);
            if (type.SequenceEqual("acTL"u8))
            {
                frames = checked((int)BinaryPrimitives.ReadUInt32BigEndian(bytes[(i + 8)..]));
            }

            if (type.SequenceEqual("IDAT"u8))
            {
                break;
            }

            i += 12 + length;
        }

        return new ImageHeader(AssetFormat.Png, ReadInt32BigEndian(bytes[16..]), ReadInt32BigEndian(bytes[20..]), frames);
    }

    private static ImageHeader Gif(ReadOnlySpan<byte> bytes, int maxFrames)
    {
        int width = BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]), height = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
        var frames = 0;
        var i = 13 + ColorTableLength(bytes[10]);
        // Walk the blocks to count frames, and stop once over the limit: the count is all that is needed.
        while (i < bytes.Length && bytes[i] != 0x3B && frames <= maxFrames)
        {
            switch (bytes[i])
            {
                case 0x21:
                    i = SkipSubBlocks(bytes, i + 2);
                    break;
                case 0x2C:
                    frames++;
                    // A frame may reach beyond the logical screen; the decoder allocates what the frames say.
                    width = Math.Max(width, BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i + 1)..]) + BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i + 5)..]));
                    height = Math.Max(height, BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i + 3)..]) + BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i + 7)..]));
                    i = SkipSubBlocks(bytes, i + 10 + ColorTableLength(bytes[i + 9]) + 1);
                    break;
                default:
                    throw new InvalidDataException();
            }
        }

        return new ImageHeader(AssetFormat.Gif, width, height, Math.Max(frames, 1));
    }

    internal static int ColorTableLength(byte flags) => (flags & 0x80) == 0 ? 0 : 3 << ((flags & 7) + 1);

    /// <summary>The index after the sub-blocks starting at <paramref name="i"/> and their terminator.</summary>
    internal static int SkipSubBlocks(ReadOnlySpan<byte> bytes, int i)
    {
        while (bytes[i] != 0)
        {
            i += bytes[i] + 1;
        }

        return i + 1;
    }

    private static ImageHeader Webp(ReadOnlySpan<byte> bytes)
    {
        int width = 0, height = 0, frames = 0;
        for (var i = 12; i + 8 <= bytes.Length;)
        {
            var type = bytes.Slice(i, 4);
            var length = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i + 4)..]));
            var data = bytes[(i + 8)..];
            if (type.SequenceEqual("VP8X"u8))
            {
                width = ReadUInt24(data[4..]) + 1;
                height = ReadUInt24(data[7..]) + 1;
            }
            else if (type.SequenceEqual("VP8 "u8) && width == 0)
            {
                width = BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFF;
                height = BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFF;
            }
            else if (type.SequenceEqual("VP8L"u8) && width == 0)
            {
                var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
                width = (int)(bits & 0x3FFF) + 1;
                height = (int)((bits >> 14) & 0x3FFF) + 1;
            }
            else if (type.SequenceEqual("ANMF"u8))
            {
                frames++;
            }

            i += 8 + length + (length & 1);
        }

        return new ImageHeader(AssetFormat.Webp, width, height, Math.Max(frames, 1));
    }

    /// <summary>Whether the <c>ftyp</c> box names <paramref name="brand"/>, as its major brand or a compatible one.</summary>
    private static bool HasBrand(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> brand)
    {
        var length = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(bytes), (uint)bytes.Length);
        for (var i = 8; i + 4 <= length; i += 4)
        {
            if (bytes.Slice(i, 4).SequenceEqual(brand))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The largest <c>ispe</c> (image spatial extent) property in the file: the primary image's, or a larger
    /// auxiliary one, which the decoder would allocate as well. An image sequence (<c>avis</c> among the brands, major
    /// or compatible: decoders play the sequence then) counts as animated.
    /// </summary>
    private static ImageHeader Avif(ReadOnlySpan<byte> bytes)
    {
        int width = 0, height = 0;
        var rest = bytes;
        int at;
        while ((at = rest.IndexOf("ispe"u8)) >= 0 && at + 16 <= rest.Length)
        {
            width = Math.Max(width, ReadInt32BigEndian(rest[(at + 8)..]));
            height = Math.Max(height, ReadInt32BigEndian(rest[(at + 12)..]));
            rest = rest[(at + 4)..];
        }

        return new ImageHeader(AssetFormat.Avif, width, height, HasBrand(bytes, "avis"u8) ? int.MaxValue : 1);
    }

    private static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var start = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return start.StartsWith('<') && start.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }

    private static int ReadUInt24(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);

    private static int ReadInt32BigEndian(ReadOnlySpan<byte> bytes) => checked((int)BinaryPrimitives.ReadUInt32BigEndian(bytes));
}
