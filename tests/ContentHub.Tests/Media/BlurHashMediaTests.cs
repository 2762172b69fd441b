using ContentHub.Server.Media;

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
}
