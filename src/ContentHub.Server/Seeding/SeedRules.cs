using System.Text.RegularExpressions;
using ContentHub.Server.Content;

namespace ContentHub.Server.Seeding;

/// <summary>Field checks shared by every seed type; each yields a message or nothing.</summary>
public static partial class SeedRules
{
    public static IEnumerable<string> Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? [$"{field} is required"] : [];

    public static IEnumerable<string> MaxLength(string? value, int max, string field) =>
        value is not null && value.Length > max ? [$"{field} is {value.Length} characters long; the limit is {max}"] : [];

    /// <summary>A required slug or key: present, well-formed and not too long.</summary>
    public static IEnumerable<string> Identifier(string? value, string field, int maxLength) =>
        Required(value, field).Concat(Slug(value, field)).Concat(MaxLength(value, maxLength, field));

    /// <summary>Required text of limited length, such as a title or heading.</summary>
    public static IEnumerable<string> RequiredText(string? value, string field, int maxLength) =>
        Required(value, field).Concat(MaxLength(value, maxLength, field));

    public static IEnumerable<string> Slug(string? value, string field) =>
        value is not null && !SlugPattern().IsMatch(value)
            ? [$"{field} '{value}' must be lower-case letters, digits and single hyphens, e.g. 'back-pain-basics'"]
            : [];

    public static IEnumerable<string> HttpUrl(string? value, string field) =>
        value is null ? []
        : value.Length > FieldLengths.Url ? MaxLength(value, FieldLengths.Url, field)
        : IsHttpUrl(value) ? []
        : [$"{field} '{value}' must be an absolute http or https URL"];

    public static IEnumerable<string> Image(Image? image, string field) =>
        image is null ? [] : RequiredText(image.Alt, $"{field}.alt", FieldLengths.AltText).Concat(HttpUrl(image.Url, $"{field}.url"));

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
