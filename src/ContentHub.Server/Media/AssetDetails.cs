using System.ComponentModel;
using ContentHub.Server.Content;
using GraphQL;

namespace ContentHub.Server.Media;

/// <summary>What an editor says about an image when uploading it.</summary>
[InputName("AssetDetailsInput")]
public sealed record AssetDetails
{
    /// <summary>Alternative text; required unless <c>decorative</c>.</summary>
    public string? Alt { get; init; }

    /// <summary>A purely decorative image, which screen readers skip; it carries no alt text.</summary>
    [DefaultValue(false)]
    public bool Decorative { get; init; }

    /// <summary>How the image must be credited, e.g. "Photo: Jane Doe".</summary>
    public string? Credit { get; init; }

    /// <summary>Under which licence or agreement the image is used.</summary>
    public string? License { get; init; }

    /// <summary>A recognisable patient's written consent to publication is on file.</summary>
    [DefaultValue(false)]
    public bool ConsentOnFile { get; init; }

    /// <summary>What is wrong with <paramref name="details"/> (static: an input type's instance methods would become fields).</summary>
    public static IEnumerable<FieldError> Problems(AssetDetails details) =>
        (details.Decorative
            ? FieldRules.Check(string.IsNullOrEmpty(details.Alt), "alt", "A decorative image carries no alt text: leave alt empty, or do not mark it decorative.")
            : FieldRules.RequiredText(details.Alt, "alt", FieldLengths.AltText))
        .Concat(FieldRules.MaxLength(details.Credit, FieldLengths.Title, "credit"))
        .Concat(FieldRules.MaxLength(details.License, FieldLengths.Title, "license"));
}
