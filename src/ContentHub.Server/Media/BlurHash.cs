using System.Text;

namespace ContentHub.Server.Media;

/// <summary>
/// The BlurHash encoder (https://github.com/woltapp/blurhash, its reference algorithm): a few cosine components of
/// the image in linear light, quantised into base-83 text a front end decodes into a blurred preview.
/// </summary>
public static class BlurHash
{
    public const int MaxLength = 4 + (2 * 9 * 9);

    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    /// <summary>Encodes <paramref name="rgb"/> (3 bytes a pixel, rows top to bottom) with <paramref name="xComponents"/> × <paramref name="yComponents"/> components (1 to 9 each).</summary>
    public static string Encode(ReadOnlySpan<byte> rgb, int width, int height, int xComponents = 4, int yComponents = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(rgb.Length, width * height * 3, nameof(rgb));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(xComponents, 9);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(yComponents, 9);
        var linear = new double[rgb.Length];
        for (var i = 0; i < rgb.Length; i++)
        {
            linear[i] = ToLinear(rgb[i]);
        }

        var factors = new (double R, double G, double B)[xComponents * yComponents];
        for (var j = 0; j < yComponents; j++)
        {
            for (var i = 0; i < xComponents; i++)
            {
                factors[(j * xComponents) + i] = Component(linear, width, height, i, j);
            }
        }

        var hash = new StringBuilder(4 + (2 * factors.Length));
        Append(hash, xComponents - 1 + ((yComponents - 1) * 9), 1);
        var maximum = 1.0;
        if (factors.Length > 1)
        {
            var actual = factors.Skip(1).Max(f => Math.Max(Math.Abs(f.R), Math.Max(Math.Abs(f.G), Math.Abs(f.B))));
            var quantised = Math.Clamp((int)Math.Floor((actual * 166) - 0.5), 0, 82);
            maximum = (quantised + 1) / 166.0;
            Append(hash, quantised, 1);
        }
        else
        {
            Append(hash, 0, 1);
        }

        var dc = factors[0];
        Append(hash, (ToSrgb(dc.R) << 16) + (ToSrgb(dc.G) << 8) + ToSrgb(dc.B), 4);
        foreach (var (r, g, b) in factors.Skip(1))
        {
            Append(hash, (QuantiseAc(r, maximum) * 19 * 19) + (QuantiseAc(g, maximum) * 19) + QuantiseAc(b, maximum), 2);
        }

        return hash.ToString();
    }

    /// <summary>The average colour of the encoded image, as <c>#rrggbb</c> (the hash's first component).</summary>
    public static string AverageColor(string hash)
    {
        var value = 0;
        foreach (var c in hash.AsSpan(2, 4))
        {
            value = (value * 83) + Digits.IndexOf(c, StringComparison.Ordinal);
        }

        return $"#{value:x6}";
    }

    private static (double R, double G, double B) Component(double[] linear, int width, int height, int i, int j)
    {
        double r = 0, g = 0, b = 0;
        var normalisation = i == 0 && j == 0 ? 1 : 2;
        for (var y = 0; y < height; y++)
        {
            var cosY = Math.Cos(Math.PI * j * y / height);
            for (var x = 0; x < width; x++)
            {
                var basis = normalisation * Math.Cos(Math.PI * i * x / width) * cosY;
                var p = ((y * width) + x) * 3;
                r += basis * linear[p];
                g += basis * linear[p + 1];
                b += basis * linear[p + 2];
            }
        }

        var scale = 1.0 / (width * height);
        return (r * scale, g * scale, b * scale);
    }

    private static int QuantiseAc(double value, double maximum)
    {
        var normalised = value / maximum;
        return Math.Clamp((int)Math.Floor((Math.Sign(normalised) * Math.Sqrt(Math.Abs(normalised)) * 9) + 9.5), 0, 18);
    }

    private static double ToLinear(byte value)
    {
        var v = value / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
    }

    private static int ToSrgb(double value)
    {
        var v = Math.Clamp(value, 0, 1);
        return v <= 0.0031308 ? (int)((v * 12.92 * 255) + 0.5) : (int)((((1.055 * Math.Pow(v, 1 / 2.4)) - 0.055) * 255) + 0.5);
    }

    private static void Append(StringBuilder hash, int value, int length)
    {
        for (var i = 1; i <= length; i++)
        {
            hash.Append(Digits[value / (int)Math.Pow(83, length - i) % 83]);
        }
    }
}
