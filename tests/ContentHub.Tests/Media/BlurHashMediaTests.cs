using ContentHub.Server.Media;
using ImageMagick;

namespace ContentHub.Tests.Media;

public sealed class BlurHashMediaTests
{
    [Fact]
    public void Should_encode_a_plain_colour_as_its_average()
    {
        var red = Enumerable.Repeat<byte[]>([255, 0, 0], 8 * 6).SelectMany(p => p).ToArray();

        var hash = BlurHash.Encode(red, 8, 6);

        // 4×3 components ('L'), then the quantised maximum, then DC #ff0000 ("TI:j"), then eleven AC pairs.
        Assert.Equal(28, hash.Length);
        Assert.Equal('L', hash[0]);
        Assert.Equal("TI:j", hash[2..6]);
        Assert.Equal("#ff0000", BlurHash.AverageColor(hash));
    }

    [Fact]
    public void Should_encode_dark_left_and_light_right_as_a_falling_first_horizontal_component()
    {
        var pixels = new byte[8 * 4 * 3];
        for (var i = 0; i < 8 * 4; i++)
        {
            var value = (byte)(i % 8 < 4 ? 0 : 255);
            pixels[i * 3] = pixels[(i * 3) + 1] = pixels[(i * 3) + 2] = value;
        }

        var hash = BlurHash.Encode(pixels, 8, 4, xComponents: 2, yComponents: 1);

        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";
        var ac = (digits.IndexOf(hash[6], StringComparison.Ordinal) * 83) + digits.IndexOf(hash[7], StringComparison.Ordinal);
        Assert.Equal(8, hash.Length);
        // The cosine is positive on the dark half and negative on the light one: every channel quantises below 9.
        Assert.True(ac / (19 * 19) < 9 && ac / 19 % 19 < 9 && ac % 19 < 9, hash);
        Assert.Equal(BlurHash.AverageColor(hash)[1..3], BlurHash.AverageColor(hash)[5..7]);
    }

    /// <summary>The reference implementation's own test pictures and what its C encoder makes of them (BlurHashReference/Readme.md).</summary>
    [Theory]
    [InlineData("pic1.png", 4, 3, "LaJHjmVu8_~po#smR+a~xaoLWCRj")]
    [InlineData("pic1.png", 5, 4, "VaJHjmVu8_~pXAo#smR+a~tRxaoLWCRjxtt8ofRjWYRj")]
    [InlineData("pic1.png", 8, 8, ":aJHjmVu8_~pXA8_R%f+o#smR+a~tRRjoeNGxaoLWCRjxtt7Rjoct8ofRjWYRjjZjcafaxofoda~j]oLo1t7oet7ayoeWDa#jtWEWVWXayWCs:jZWAaft6t6j[ayR*V[oKs:")]
    [InlineData("pic1.png", 2, 7, "t7JHjmHbt.,;~AxH?c%1WAtlxa?aRjNy")]
    [InlineData("pic1.png", 1, 1, "00JHjm")]
    [InlineData("pic3.png", 4, 3, "L99jAfM{13EfnOxZI=It9~WV-PxF")]
    [InlineData("pic3.png", 8, 8, ":99jAfM{13Efwe=^bFIrnOxZI=ItxVs:j]a_9~WV-PxFNbNIn+s.EMNK-T-SItNHfia$NKj=j?oMxYNIR+s.xZbHR*ayj[oeWCoLxYo1R+WXWCoLt6jZa#s:ayRkofj[jsj[")]
    [InlineData("pic3.png", 2, 7, "t59jAfIUrq-T0.S25RERItob%1bH$$o2")]
    [InlineData("pic4.png", 4, 3, "L08ia?o|fQo|tkfQfQfQfQfQfQfQ")]
    [InlineData("pic5.png", 4, 3, "L%HV9wj[fQj[~qfQfQfQ%MfQfQfQ")]
    [InlineData("pic5.png", 2, 7, "t%HV9wj[~qfQ%MfQt7fQt7fQoffQoffQ")]
    public void Should_encode_the_reference_pictures_as_the_reference_encoder_does(string file, int xComponents, int yComponents, string expected)
    {
        using var picture = new MagickImage(Path.Combine(AppContext.BaseDirectory, "Media", "BlurHashReference", file));
        var rgb = picture.GetPixels().ToByteArray(PixelMapping.RGB)!;

        Assert.Equal(expected, BlurHash.Encode(rgb, (int)picture.Width, (int)picture.Height, xComponents, yComponents));
    }
}
