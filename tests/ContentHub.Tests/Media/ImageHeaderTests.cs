using System.Buffers.Binary;
using System.Text;
using ContentHub.Server.Media;

namespace ContentHub.Tests.Media;

/// <summary>
/// What the upload validator reads from a file's first bytes, on headers crafted byte by byte for each format: the
/// size and frame count the pixel and frame limits judge, and a coded refusal for anything cut short or broken.
/// </summary>
public sealed class ImageHeaderTests
{
    private const string Broken = "The file starts like an image, but its header is cut short or broken.";

    [Theory]
    [InlineData(0xC0)]
    [InlineData(0xC1)]
    [InlineData(0xC2)]
    [InlineData(0xCF)]
    public void Should_read_a_jpeg_size_from_any_frame_header_even_when_the_file_ends_with_it(byte marker)
    {
        var header = Read(Jpeg(Segment(0xE0, "JFIF\0"u8.ToArray()), Segment(0xC4, new byte[20]), Sof(marker, 400, 300)));

        Assert.Equal((AssetFormat.Jpeg, 400, 300, 1, 1), (header.Format, header.Width, header.Height, header.Frames, header.Orientation));
    }

    [Fact]
    public void Should_skip_fill_bytes_before_a_jpeg_marker()
    {
        var header = Read(Jpeg([0xFF], Sof(0xC0, 400, 300)));

        Assert.Equal((400, 300), (header.Width, header.Height));
    }

    [Fact]
    public void Should_refuse_a_jpeg_whose_segments_do_not_follow_each_other()
    {
        // After APP0 comes a byte that starts no marker, then what would be a frame header.
        AssertRefused(Jpeg(Segment(0xE0, "JFIF\0"u8.ToArray()), [0x00], Sof(0xC0, 400, 300)[1..]), MediaErrorCodes.CorruptImage, Broken);
    }

    [Theory]
    [InlineData(true, 6, 6)]
    [InlineData(false, 6, 6)]
    [InlineData(true, 8, 8)]
    [InlineData(false, 1, 1)]
    [InlineData(true, 9, 1)]
    [InlineData(true, 0, 1)]
    public void Should_read_the_exif_orientation_in_either_byte_order_and_ignore_values_out_of_range(bool little, int value, int expected)
    {
        var header = Read(Jpeg(Segment(0xE1, Exif(little, 1, (0x0112, (ushort)value))), Sof(0xC0, 400, 300)));

        Assert.Equal(expected, header.Orientation);
    }

    [Fact]
    public void Should_find_the_orientation_after_other_exif_entries()
    {
        var header = Read(Jpeg(Segment(0xE1, Exif(little: true, 2, (0x010F, 3), (0x0112, 6))), Sof(0xC0, 400, 300)));

        Assert.Equal(6, header.Orientation);
    }

    [Fact]
    public void Should_read_no_more_exif_entries_than_the_directory_declares()
    {
        // One entry declared; what follows it is no entry, even if it looks like an orientation.
        var header = Read(Jpeg(Segment(0xE1, Exif(little: true, 1, (0x010F, 3), (0x0112, 6))), Sof(0xC0, 400, 300)));

        Assert.Equal(1, header.Orientation);
    }

    [Fact]
    public void Should_read_the_orientation_from_the_exif_segment_only()
    {
        var header = Read(Jpeg(Segment(0xE2, Exif(little: true, 1, (0x0112, 6))), Sof(0xC0, 400, 300)));

        Assert.Equal(1, header.Orientation);
    }

    [Fact]
    public void Should_count_the_frames_an_animated_png_declares_before_its_image_data()
    {
        var header = Read(Png(400, 300, PngChunk("acTL", [0, 0, 0, 7, 0, 0, 0, 0]), PngChunk("IDAT", new byte[10])));

        Assert.Equal((AssetFormat.Png, 400, 300, 7), (header.Format, header.Width, header.Height, header.Frames));
    }

    [Fact]
    public void Should_read_no_png_chunk_after_the_image_data()
    {
        var header = Read(Png(400, 300, PngChunk("IDAT", new byte[10]), Enumerable.Repeat((byte)0xFF, 12).ToArray()));

        Assert.Equal((400, 300, 1), (header.Width, header.Height, header.Frames));
    }

    public static TheoryData<string, byte[]> BrokenPngs => new()
    {
        { "frame count cut off after the acTL chunk's header", Png(400, 300, [0, 0, 0, 8, .. "acTL"u8]) },
        { "frame count past the range of an int", Png(400, 300, PngChunk("acTL", [0x80, 0, 0, 0, 0, 0, 0, 0])) },
        { "chunk length past the range of an int", Png(400, 300, [0xFF, 0xFF, 0xFF, 0xF4, .. "tEXt"u8, .. new byte[16]]) },
        { "width past the range of an int", TestImages.PngHeaderOnly(0x8000_0000, 300) },
        { "height past the range of an int", TestImages.PngHeaderOnly(400, 0xFFFF_FFFF) },
    };

    [Theory]
    [MemberData(nameof(BrokenPngs))]
    public void Should_refuse_a_png_whose_header_is_cut_short_or_out_of_range(string broken, byte[] bytes)
    {
        Assert.NotEmpty(broken);
        AssertRefused(bytes, MediaErrorCodes.CorruptImage, Broken);
    }

    [Theory]
    [InlineData(0u, 300u)]
    [InlineData(400u, 0u)]
    public void Should_refuse_an_image_of_no_width_or_no_height(uint width, uint height) =>
        AssertRefused(TestImages.PngHeaderOnly(width, height), MediaErrorCodes.CorruptImage, "The Png header gives no size.");

    [Fact]
    public void Should_count_gif_frames_with_or_without_extensions_and_local_colour_tables()
    {
        var header = Read(Gif(20, 20, [Control, Frame(0, 0, 20, 20, localTable: true), Frame(0, 0, 20, 20), Control, Frame(0, 0, 20, 20, localTable: true)]));

        Assert.Equal((AssetFormat.Gif, 20, 20, 3), (header.Format, header.Width, header.Height, header.Frames));
    }

    [Fact]
    public void Should_stop_counting_gif_frames_once_past_the_limit()
    {
        var header = Read(Gif(20, 20, [.. Enumerable.Repeat(Frame(0, 0, 20, 20), 6)]), maxFrames: 3);

        Assert.Equal(4, header.Frames);
    }

    [Fact]
    public void Should_size_a_gif_by_the_frame_that_reaches_furthest_beyond_its_screen()
    {
        // The decoder allocates what the frames say, not the logical screen.
        var header = Read(Gif(10, 10, [Control, Frame(5, 0, 20, 10, localTable: true), Frame(0, 3, 10, 30)]));

        Assert.Equal((25, 33, 2), (header.Width, header.Height, header.Frames));
    }

    [Fact]
    public void Should_read_a_gif_that_ends_without_its_trailer()
    {
        var header = Read(Gif(20, 20, [Frame(0, 0, 20, 20), Frame(0, 0, 20, 20)], trailer: false));

        Assert.Equal(2, header.Frames);
    }

    public static TheoryData<string, byte[]> WebpImages => new()
    {
        { "lossy", Webp(RiffChunk("VP8 ", Vp8(400, 300))) },
        { "lossless", Webp(RiffChunk("VP8L", Vp8L(400, 300))) },
        { "extended lossy", Webp(RiffChunk("VP8X", Vp8X(400, 300)), RiffChunk("VP8 ", Vp8(100, 50))) },
        { "extended lossless", Webp(RiffChunk("VP8X", Vp8X(400, 300)), RiffChunk("ICCP", new byte[3]), RiffChunk("VP8L", Vp8L(100, 50))) },
    };

    [Theory]
    [MemberData(nameof(WebpImages))]
    public void Should_read_a_webp_size_from_its_canvas_or_its_only_frame(string kind, byte[] bytes)
    {
        var header = Read(bytes);

        Assert.NotEmpty(kind);
        Assert.Equal((AssetFormat.Webp, 400, 300, 1), (header.Format, header.Width, header.Height, header.Frames));
    }

    [Fact]
    public void Should_read_a_webp_canvas_wider_than_two_bytes_hold()
    {
        var header = Read(Webp(RiffChunk("VP8X", Vp8X(70_000, 16_777_216))));

        Assert.Equal((70_000, 16_777_216), (header.Width, header.Height));
    }

    [Fact]
    public void Should_count_the_frames_of_an_animated_webp_across_odd_length_chunks()
    {
        var frame = RiffChunk("ANMF", new byte[17]);
        var header = Read(Webp(RiffChunk("VP8X", Vp8X(400, 300)), RiffChunk("ANIM", new byte[6]), frame, RiffChunk("EXIF", new byte[5]), frame, frame));

        Assert.Equal((400, 300, 3), (header.Width, header.Height, header.Frames));
    }

    public static TheoryData<string, byte[]> BrokenWebps => new()
    {
        { "file cut off after the canvas chunk's header", Webp([.. "VP8X"u8, 10, 0, 0, 0]) },
        { "chunk length past the range of an int", Webp(RiffChunk("VP8X", Vp8X(400, 300)), [.. "ANMF"u8, 0xF8, 0xFF, 0xFF, 0xFF, .. new byte[16]]) },
    };

    [Theory]
    [MemberData(nameof(BrokenWebps))]
    public void Should_refuse_a_webp_whose_header_is_cut_short_or_out_of_range(string broken, byte[] bytes)
    {
        Assert.NotEmpty(broken);
        AssertRefused(bytes, MediaErrorCodes.CorruptImage, Broken);
    }

    [Theory]
    [InlineData("avif", new[] { "mif1", "miaf" })]
    [InlineData("mif1", new[] { "miaf", "avif" })] // the brand last in the box
    public void Should_read_an_avif_still_image_by_its_brand(string major, string[] compatible)
    {
        var header = Read(Avif(major, compatible, Ispe(400, 300)));

        Assert.Equal((AssetFormat.Avif, 400, 300, 1), (header.Format, header.Width, header.Height, header.Frames));
    }

    [Theory]
    [InlineData("avis", new[] { "avif", "msf1" })]
    [InlineData("msf1", new[] { "avif", "avis" })] // a sequence need not say so in its major brand
    public void Should_count_an_avif_image_sequence_as_endless_frames(string major, string[] compatible)
    {
        var header = Read(Avif(major, compatible, Ispe(400, 300)));

        Assert.Equal(int.MaxValue, header.Frames);
    }

    [Fact]
    public void Should_size_an_avif_by_its_largest_image_extent()
    {
        var header = Read(Avif("avif", ["mif1"], [.. Ispe(400, 300), .. Ispe(800, 200), .. Ispe(100, 600)]));

        Assert.Equal((800, 600), (header.Width, header.Height));
    }

    [Fact]
    public void Should_not_read_an_image_extent_cut_off_by_the_end_of_the_file()
    {
        // "ispe" in the last bytes (say, of the pixel data) with no room for a size after it.
        var header = Read(Avif("avif", ["mif1"], [.. Ispe(400, 300), .. new byte[8], .. "ispe"u8, 0, 0, 0, 0, 1, 2]));

        Assert.Equal((400, 300), (header.Width, header.Height));
    }

    [Fact]
    public void Should_not_take_another_iso_media_file_for_an_avif()
    {
        // An MP4 cut short: its ftyp box claims more bytes than the file has.
        byte[] mp4 = [0, 0, 0, 32, .. "ftypisom"u8, 0, 0, 2, 0, .. "isomiso2mp41"u8];

        AssertRefused(mp4, MediaErrorCodes.UnsupportedFormat, null);
    }

    [Fact]
    public void Should_refuse_svg_and_other_markup_each_with_its_own_reason()
    {
        var (_, svgCode, svgMessage) = ImageHeader.Read("\uFEFF  <svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8, 10);
        var (_, htmlCode, htmlMessage) = ImageHeader.Read("<!DOCTYPE html><html><body><img src=\"x.png\"></body></html>"u8, 10);

        Assert.Equal(MediaErrorCodes.SvgNotAccepted, svgCode);
        Assert.StartsWith("SVG is not accepted: an SVG is a document that can carry scripts", svgMessage, StringComparison.Ordinal);
        Assert.Equal(MediaErrorCodes.UnsupportedFormat, htmlCode);
        Assert.Equal("The file is not a JPEG, PNG, WebP, AVIF or GIF image (told from its bytes, not its name).", htmlMessage);
    }

    private static ImageHeader Read(byte[] bytes, int maxFrames = 10)
    {
        var (header, code, message) = ImageHeader.Read(bytes, maxFrames);
        Assert.True(header is not null, $"refused: {code} {message}");
        return header;
    }

    private static void AssertRefused(byte[] bytes, string code, string? message)
    {
        var (header, actualCode, actualMessage) = ImageHeader.Read(bytes, 10);

        Assert.Null(header);
        Assert.Equal(code, actualCode);
        if (message is not null)
        {
            Assert.Equal(message, actualMessage);
        }
    }

    private static byte[] Jpeg(params byte[][] segments) => [0xFF, 0xD8, .. segments.SelectMany(s => s)];

    private static byte[] Segment(byte marker, byte[] data) => [0xFF, marker, .. BigEndian16(data.Length + 2), .. data];

    /// <summary>A baseline frame header of three components: precision, height, width, then the components.</summary>
    private static byte[] Sof(byte marker, int width, int height) =>
        Segment(marker, [8, .. BigEndian16(height), .. BigEndian16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);

    /// <summary>An Exif block: a TIFF header and one image directory of SHORT entries declaring <paramref name="declared"/> of them.</summary>
    private static byte[] Exif(bool little, int declared, params (ushort Tag, ushort Value)[] entries)
    {
        var tiff = new byte[8 + 2 + (12 * entries.Length) + 4];
        (little ? "II*\0"u8 : "MM\0*"u8).CopyTo(tiff);
        Write32(tiff.AsSpan(4), 8, little);
        Write16(tiff.AsSpan(8), declared, little);
        for (var e = 0; e < entries.Length; e++)
        {
            var entry = tiff.AsSpan(10 + (12 * e));
            Write16(entry, entries[e].Tag, little);
            Write16(entry[2..], 3, little);
            Write32(entry[4..], 1, little);
            Write16(entry[8..], entries[e].Value, little);
        }

        return [.. "Exif\0\0"u8, .. tiff];
    }

    private static byte[] Png(uint width, uint height, params byte[][] chunks) => [.. TestImages.PngHeaderOnly(width, height), .. chunks.SelectMany(c => c)];

    private static byte[] PngChunk(string type, byte[] data) =>
        [.. BigEndian32(data.Length), .. Encoding.ASCII.GetBytes(type), .. data, 0, 0, 0, 0];

    /// <summary>A RIFF chunk: type, little-endian length, data padded to an even length.</summary>
    private static byte[] RiffChunk(string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)data.Length);
        return [.. Encoding.ASCII.GetBytes(type), .. length, .. data, .. data.Length % 2 == 1 ? new byte[] { 0 } : []];
    }

    private static readonly byte[] Control = [0x21, 0xF9, 4, 0, 10, 0, 0, 0];

    /// <summary>A GIF with a two-colour global table of 0xFF bytes (so a misread offset lands on nothing valid).</summary>
    private static byte[] Gif(int width, int height, byte[][] blocks, bool trailer = true) =>
        [.. "GIF89a"u8, .. LittleEndian16(width), .. LittleEndian16(height), 0x80, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
         .. blocks.SelectMany(b => b), .. trailer ? new byte[] { 0x3B } : []];

    /// <summary>An image descriptor, optionally with a four-colour local table, and one block of image data.</summary>
    private static byte[] Frame(int left, int top, int width, int height, bool localTable = false) =>
        [0x2C, .. LittleEndian16(left), .. LittleEndian16(top), .. LittleEndian16(width), .. LittleEndian16(height),
         .. localTable ? new byte[] { 0x81, 9, 8, 7, 6, 5, 4, 3, 2, 1, 9, 8, 7 } : [0],
         2, 2, 0x4C, 0x01, 0];

    private static byte[] Webp(params byte[][] chunks)
    {
        byte[] body = [.. "WEBP"u8, .. chunks.SelectMany(c => c)];
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)body.Length);
        return [.. "RIFF"u8, .. size, .. body];
    }

    /// <summary>A lossy key frame: frame tag, start code, then 14-bit sizes whose top two bits are the scale (set here).</summary>
    private static byte[] Vp8(int width, int height) =>
        [0x10, 0x02, 0x00, 0x9D, 0x01, 0x2A, .. LittleEndian16(width | 0xC000), .. LittleEndian16(height | 0x4000)];

    private static byte[] Vp8L(int width, int height)
    {
        var bits = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bits, (uint)(width - 1) | ((uint)(height - 1) << 14) | (1u << 28));
        return [0x2F, .. bits];
    }

    private static byte[] Vp8X(int width, int height) => [0x10, 0, 0, 0, .. LittleEndian24(width - 1), .. LittleEndian24(height - 1)];

    private static byte[] Avif(string major, string[] compatible, byte[] rest)
    {
        byte[] brands = [.. Encoding.ASCII.GetBytes(major), 0, 0, 0, 0, .. compatible.SelectMany(Encoding.ASCII.GetBytes)];
        return [.. BigEndian32(8 + brands.Length), .. "ftyp"u8, .. brands, .. BigEndian32(8 + rest.Length), .. "meta"u8, .. rest];
    }

    private static byte[] Ispe(int width, int height) => [.. BigEndian32(20), .. "ispe"u8, 0, 0, 0, 0, .. BigEndian32(width), .. BigEndian32(height)];

    private static byte[] BigEndian16(int value) => [(byte)(value >> 8), (byte)value];

    private static byte[] BigEndian32(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static byte[] LittleEndian16(int value) => [(byte)value, (byte)(value >> 8)];

    private static byte[] LittleEndian24(int value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16)];

    private static void Write16(Span<byte> at, int value, bool little)
    {
        if (little)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(at, (ushort)value);
        }
    }

    private static void Write32(Span<byte> at, uint value, bool little)
    {
        if (little)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(at, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(at, value);
        }
    }
}
