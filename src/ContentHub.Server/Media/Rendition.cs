using System.Globalization;
using System.Text.RegularExpressions;

namespace ContentHub.Server.Media;

/// <summary>
/// One derived version of an asset, written into its URL as <c>{sha256}/{width}x{height}-{fit}-{focalX}-{focalY}.{format}</c>
/// (height 0: in proportion; focal point in percent), so the URL alone says what to render and never changes meaning.
/// </summary>
public sealed partial record Rendition(string Sha256, int Width, int Height, ImageFit Fit, int FocalX, int FocalY, RenditionFormat Format)
{
    /// <summary>The path under <c>/media/</c> and the rendition's name in the store (for <see cref="RenditionFormat.Auto"/>, before the choice).</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture,
        $"{Sha256}/{Width}x{Height}-{Fit.ToString().ToLowerInvariant()}-{FocalX}-{FocalY}.{Format.ToString().ToLowerInvariant()}");

    public static Rendition For(Asset asset, int width, int? height, ImageFit fit, RenditionFormat? format) =>
        new(asset.Sha256, width, height ?? 0, fit, (int)Math.Round(asset.FocalX * 100), (int)Math.Round(asset.FocalY * 100),
            format ?? (asset.Format switch
            {
                AssetFormat.Png or AssetFormat.Gif => RenditionFormat.Png,
                AssetFormat.Webp => RenditionFormat.Webp,
                AssetFormat.Avif => RenditionFormat.Avif,
                _ => RenditionFormat.Jpeg,
            }));

    public static Rendition? Parse(string sha256, string spec)
    {
        var match = SpecPattern().Match(spec);
        return match.Success
            && Enum.TryParse<ImageFit>(match.Groups["fit"].Value, ignoreCase: true, out var fit)
            && Enum.TryParse<RenditionFormat>(match.Groups["format"].Value, ignoreCase: true, out var format)
            ? new Rendition(sha256, Number(match, "w"), Number(match, "h"), fit, Number(match, "fx"), Number(match, "fy"), format)
            : null;
    }

    /// <summary>This rendition in a concrete format (the choice made for <see cref="RenditionFormat.Auto"/>).</summary>
    public Rendition As(RenditionFormat format) => this with { Format = format };

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("^(?<w>[1-9][0-9]{0,4})x(?<h>0|[1-9][0-9]{0,4})-(?<fit>cover|contain)-(?<fx>[0-9]{1,3})-(?<fy>[0-9]{1,3})\\.(?<format>jpeg|png|webp|avif|auto)$")]
    private static partial Regex SpecPattern();
}
