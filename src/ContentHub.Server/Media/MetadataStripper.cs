using System.Buffers.Binary;

namespace ContentHub.Server.Media;

/// <summary>
/// Removes EXIF, XMP, IPTC, comments and text chunks from a file without decoding it, so the image itself is not
/// re-compressed: a patient photo's GPS position, camera and editing history never reach a reader. Colour profiles
/// and what decoding needs (JFIF, Adobe, animation loop) stay.
/// </summary>
public static class MetadataStripper
{
    /// <summary>The stripped bytes, or null when only re-encoding can strip them (AVIF; a JPEG turned by its EXIF orientation).</summary>
    public static byte[]? Strip(ReadOnlySpan<byte> bytes, ImageHeader header) => header.Format switch
    {
        AssetFormat.Jpeg when header.Orientation == 1 => Jpeg(bytes),
        AssetFormat.Png => Png(bytes),
        AssetFormat.Webp => Webp(bytes),
        AssetFormat.Gif => Gif(bytes),
        _ => null,
    };

    private static byte[] Jpeg(ReadOnlySpan<byte> bytes)
    {
        using var output = new MemoryStream(bytes.Length);
        output.Write(bytes[..2]);
        var i = 2;
        while (i < bytes.Length)
        {
            if (bytes[i] != 0xFF)
            {
                throw new InvalidDataException("A JPEG segment does not start with a marker.");
            }

            var marker = bytes[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte
                continue;
            }

            if (marker == 0xD9)
            {
                output.Write(bytes.Slice(i, 2));
                break; // anything after the end of the image (phones append more pictures with their own EXIF) is dropped
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 2)..]);
            var segment = bytes.Slice(i, 2 + length);
            if (Keeps(marker, segment[4..]))
            {
                output.Write(segment);
            }

            i += segment.Length;
            if (marker == 0xDA)
            {
                // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart.
                var start = i;
                while (!(bytes[i] == 0xFF && bytes[i + 1] is not 0x00 and not (>= 0xD0 and <= 0xD7)))
                {
                    i++;
                }

                output.Write(bytes[start..i]);
            }
        }

        return output.ToArray();
    }

    /// <summary>APP0 (JFIF), APP2 holding an ICC profile, APP14 (Adobe) and every non-APP, non-comment segment.</summary>
    private static bool Keeps(byte marker, ReadOnlySpan<byte> data) => marker switch
    {
        0xE0 or 0xEE => true,
        0xE2 => data.StartsWith("ICC_PROFILE\0"u8),
        >= 0xE1 and <= 0xEF or 0xFE => false,
        _ => true,
    };

    private static byte[] Png(ReadOnlySpan<byte> bytes)
    {
        using var output = new MemoryStream(bytes.Length);
        output.Write(bytes[..8]);
        for (var i = 8; i + 12 <= bytes.Length;)
        {
            var chunk = bytes.Slice(i, 12 + checked((int)BinaryPrimitives.ReadUInt32BigEndian(bytes[i..])));
            var type = chunk.Slice(4, 4);
            if (!(type.SequenceEqual("eXIf"u8) || type.SequenceEqual("tEXt"u8) || type.SequenceEqual("zTXt"u8)
                || type.SequenceEqual("iTXt"u8) || type.SequenceEqual("tIME"u8)))
            {
                output.Write(chunk);
            }

            i += chunk.Length;
            if (type.SequenceEqual("IEND"u8))
            {
                break;
            }
        }

        return output.ToArray();
    }

    private static byte[] Webp(ReadOnlySpan<byte> bytes)
    {
        using var output = new MemoryStream(bytes.Length);
        output.Write(bytes[..12]);
        var riffEnd = Math.Min(bytes.Length, 8 + checked((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..])));
        for (var i = 12; i + 8 <= riffEnd;)
        {
            var length = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i + 4)..]));
            var chunk = bytes.Slice(i, Math.Min(8 + length + (length & 1), riffEnd - i));
            var type = chunk[..4];
            if (type.SequenceEqual("VP8X"u8))
            {
                var extended = chunk.ToArray();
                extended[8] &= unchecked((byte)~0x0C); // the EXIF and XMP flags
                output.Write(extended);
            }
            else if (!(type.SequenceEqual("EXIF"u8) || type.SequenceEqual("XMP "u8)))
            {
                output.Write(chunk);
            }

            i += chunk.Length;
        }

        var result = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), (uint)(result.Length - 8));
        return result;
    }

    private static byte[] Gif(ReadOnlySpan<byte> bytes)
    {
        using var output = new MemoryStream(bytes.Length);
        var i = 13 + ImageHeader.ColorTableLength(bytes[10]);
        output.Write(bytes[..i]);
        while (i < bytes.Length && bytes[i] != 0x3B)
        {
            int end;
            if (bytes[i] == 0x2C)
            {
                end = ImageHeader.SkipSubBlocks(bytes, i + 10 + ImageHeader.ColorTableLength(bytes[i + 9]) + 1);
                output.Write(bytes[i..end]);
            }
            else
            {
                end = ImageHeader.SkipSubBlocks(bytes, i + 2);
                if (KeepsGifExtension(bytes[i + 1], bytes[(i + 2)..]))
                {
                    output.Write(bytes[i..end]);
                }
            }

            i = end;
        }

        output.WriteByte(0x3B);
        return output.ToArray();
    }

    /// <summary>Frame timing (graphic control) and the loop count; not comments or other applications' data (XMP).</summary>
    private static bool KeepsGifExtension(byte label, ReadOnlySpan<byte> data) => label switch
    {
        0xF9 or 0x01 => true,
        0xFF => data.Length > 12 && (data[1..12].SequenceEqual("NETSCAPE2.0"u8) || data[1..12].SequenceEqual("ANIMEXTS1.0"u8)),
        _ => false,
    };
}
