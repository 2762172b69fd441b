using System.Text.RegularExpressions;
using ContentHub.Server.Content;

namespace ContentHub.Server.Articles;

/// <summary>The directives a robots meta tag may hold (those search engines document), so a typo does not silently deindex a page.</summary>
public static partial class RobotsDirectives
{
    public static IEnumerable<FieldError> Problems(string? robots, string field)
    {
        if (robots is null)
        {
            return [];
        }

        var unknown = robots.Split(',', StringSplitOptions.TrimEntries).Where(directive => !Directive().IsMatch(directive)).ToList();
        return unknown.Count == 0
            ? FieldRules.MaxLength(robots, FieldLengths.Label, field)
            : [new(field, FieldRules.InvalidValueCode,
                $"{field}: unknown directive(s) {string.Join(", ", unknown.Select(d => $"'{d}'"))}; use index, noindex, follow, nofollow, none, all, "
                + "noarchive, nosnippet, noimageindex, notranslate, indexifembedded, max-snippet:N, max-image-preview:none|standard|large, "
                + "max-video-preview:N or unavailable_after:DATE, separated by commas")];
    }

    [GeneratedRegex(@"^(?:index|noindex|follow|nofollow|none|all|noarchive|nocache|nosnippet|noimageindex|notranslate|indexifembedded"
        + @"|max-snippet:-?\d+|max-video-preview:-?\d+|max-image-preview:(?:none|standard|large)|unavailable_after:\s*\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Directive();
}
