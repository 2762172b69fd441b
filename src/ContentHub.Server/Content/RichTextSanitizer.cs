using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;

namespace ContentHub.Server.Content;

/// <summary>
/// The last line of defence between rendered Markdown and a reader's browser: explicit allow-lists of the tags and
/// attributes our Markdown pipeline emits, and of URL schemes. Everything else — scripts, frames, forms, styles,
/// event handlers, classes, data attributes, <c>javascript:</c>, <c>data:</c> and other schemes — is removed.
/// Relative URLs (<c>/articles/x</c>, <c>#heading</c>) are kept: they cannot run code and link within the site.
/// </summary>
public static partial class RichTextSanitizer
{
    private static readonly string[] s_tags =
    [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "del", "ins", "mark", "sub", "sup",
        "ul", "ol", "li", "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "img",
    ];

    private static readonly string[] s_attributes = ["href", "src", "alt", "title", "id", "align", "colspan", "rowspan", "start"];

    private static readonly string[] s_urlAttributes = ["href", "src"];

    private static readonly HashSet<string> s_schemes = new(["http", "https", "mailto", "tel"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> s_headings = ["h1", "h2", "h3", "h4", "h5", "h6"];

    private static readonly HtmlSanitizer s_sanitizer = Create();

    public static string Sanitize(string html) => s_sanitizer.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags.UnionWith(s_tags);
        options.AllowedAttributes.UnionWith(s_attributes);
        options.UriAttributes.UnionWith(s_urlAttributes);
        options.AllowedSchemes.UnionWith(s_schemes);
        var sanitizer = new HtmlSanitizer(options);
        // Ids are ours (heading anchors); anywhere else one could clobber a name the page's scripts use.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { Id: not null } element && !s_headings.Contains(element.LocalName))
            {
                element.RemoveAttribute("id");
            }
        };
        // Browsers never percent-decode a scheme, but a consumer that decodes a URL once (a feed reader, an app) would
        // turn the relative "javascript%3Aalert(1)" into a script: such URLs are removed as well.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.SanitizedUrl is { } url && HasForbiddenScheme(Uri.UnescapeDataString(url)))
            {
                e.SanitizedUrl = null;
            }
        };
        return sanitizer;
    }

    private static bool HasForbiddenScheme(string url) =>
        Scheme().Match(Ignored().Replace(url, "")) is { Success: true } match && !s_schemes.Contains(match.Groups[1].Value);

    [GeneratedRegex("^([a-zA-Z][a-zA-Z0-9+.-]*):")]
    private static partial Regex Scheme();

    /// <summary>Controls and spaces: browsers skip them around a URL (and tabs and newlines within it).</summary>
    [GeneratedRegex(@"[\x00-\x20]")]
    private static partial Regex Ignored();
}
