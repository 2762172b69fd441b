using System.Text.RegularExpressions;
using AnyAscii;

namespace ContentHub.Server.Content;

/// <summary>Field checks shared by seed files and mutations; each yields an error or nothing.</summary>
public static partial class FieldRules
{
    public const string RequiredCode = "REQUIRED";
    public const string TooLongCode = "TOO_LONG";
    public const string InvalidSlugCode = "INVALID_SLUG";
    public const string InvalidUrlCode = "INVALID_URL";
    public const string InvalidValueCode = "INVALID_VALUE";

    public static IEnumerable<FieldError> Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? [new(field, RequiredCode, $"{field} is required")] : [];

    public static IEnumerable<FieldError> MaxLength(string? value, int max, string field) =>
        value is not null && value.Length > max
            ? [new(field, TooLongCode, $"{field} is {value.Length} characters long; the limit is {max}")]
            : [];

    /// <summary>A required slug or key: present, well-formed and not too long.</summary>
    public static IEnumerable<FieldError> Identifier(string? value, string field, int maxLength) =>
        Required(value, field).Concat(Slug(value, field)).Concat(MaxLength(value, maxLength, field));

    /// <summary>Required text of limited length, such as a title or heading.</summary>
    public static IEnumerable<FieldError> RequiredText(string? value, string field, int maxLength) =>
        Required(value, field).Concat(MaxLength(value, maxLength, field));

    public static IEnumerable<FieldError> Slug(string? value, string field) =>
        value is not null && !SlugPattern().IsMatch(value)
            ? [new(field, InvalidSlugCode, $"{field} '{value}' must be lower-case letters, digits and single hyphens, e.g. 'back-pain-basics'")]
            : [];

    public static IEnumerable<FieldError> HttpUrl(string? value, string field) =>
        value is null ? []
        : value.Length > FieldLengths.Url ? MaxLength(value, FieldLengths.Url, field)
        : IsHttpUrl(value) ? []
        : [new(field, InvalidUrlCode, $"{field} '{value}' must be an absolute http or https URL")];

    public static IEnumerable<FieldError> Image(Image? image, string field) =>
        image is null ? [] : RequiredText(image.Alt, $"{field}.alt", FieldLengths.AltText).Concat(ImageUrl(image.Url, $"{field}.url"));

    /// <summary>An http(s) URL or a site-relative path (<c>/media/…</c>); never another scheme such as <c>javascript:</c> or <c>data:</c>.</summary>
    public static IEnumerable<FieldError> ImageUrl(string? value, string field) =>
        value is null ? []
        : value.Length > FieldLengths.Url ? MaxLength(value, FieldLengths.Url, field)
        : IsHttpUrl(value) || IsSiteRelativePath(value) ? []
        : [new(field, InvalidUrlCode, $"{field} '{value}' must be an absolute http or https URL or a site-relative path such as /media/photo.jpg")];

    /// <summary>An error with <paramref name="message"/> unless <paramref name="valid"/>.</summary>
    public static IEnumerable<FieldError> Check(bool valid, string field, string message) =>
        valid ? [] : [new(field, InvalidValueCode, message)];

    /// <summary>
    /// A slug made from a title: transliterated to ASCII ("Bône" → "bone"), lower case letters and digits joined
    /// by single hyphens, cut at a hyphen to fit <paramref name="maxLength"/>. Empty when nothing is left.
    /// </summary>
    public static string Slugify(string title, int maxLength = FieldLengths.Slug)
    {
        var slug = NonSlugRun().Replace(title.Transliterate().ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > maxLength)
        {
            slug = slug[..maxLength].TrimEnd('-');
        }

        return slug;
    }

    /// <summary>A path on this site: one leading slash (two would name another host), no backslash, space or control character.</summary>
    private static bool IsSiteRelativePath(string value) =>
        value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal)
        && !value.Any(c => c == '\\' || char.IsWhiteSpace(c) || char.IsControl(c))
        && Uri.TryCreate(value, UriKind.Relative, out _);

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlugRun();
}
