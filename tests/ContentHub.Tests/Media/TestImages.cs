using ImageMagick;

namespace ContentHub.Tests.Media;

/// <summary>Small images made on the spot, some carrying the metadata a phone camera writes.</summary>
public static class TestImages
{
    public static byte[] Make(MagickFormat format, int width = 400, int height = 300, string color = "#4682b4")
    {
        using var image = new MagickImage(new MagickColor(color), (uint)width, (uint)height);
        image.Format = format;
        return image.ToByteArray();
    }

    /// <summary>A JPEG with the camera maker, a GPS position and an XMP packet, as a patient photo from a phone would have.</summary>
    public static byte[] JpegWithGpsAndXmp()
    {
        using var image = new MagickImage(new MagickColor("#c0a080"), 400, 300);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "PhoneCo");
        exif.SetValue(ExifTag.Model, "Pocket 12");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(52, 1), new Rational(31, 1), new Rational(12, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(13, 1), new Rational(24, 1), new Rational(36, 1)]);
        image.SetProfile(exif);
        image.SetProfile(new XmpProfile("""
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Ward 4 camera</rdf:li></rdf:Seq></dc:creator></rdf:Description>
            </rdf:RDF></x:xmpmeta>
            """u8.ToArray()));
        image.Format = MagickFormat.Jpeg;
        return image.ToByteArray();
    }

    /// <summary>An animated GIF of <paramref name="frames"/> frames.</summary>
    public static byte[] AnimatedGif(int frames)
    {
        using var collection = new MagickImageCollection();
        for (var i = 0; i < frames; i++)
        {
            collection.Add(new MagickImage(new MagickColor((byte)(i * 40), 0, 0), 20, 20) { AnimationDelay = 10 });
        }

        return collection.ToByteArray(MagickFormat.Gif);
    }

    /// <summary>A PNG signature and header claiming <paramref name="width"/> × <paramref name="height"/> pixels, and nothing to decode.</summary>
    public static byte[] PngHeaderOnly(uint width, uint height)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8;
        bytes[25] = 2;
        return bytes;
    }
}
