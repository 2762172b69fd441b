using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;

namespace ContentHub.Server.Content;

/// <summary>
/// The last line of defence between rendered Markdown and a reader's browser: explicit allow-lists of the tags and
/// attributes our Markdown pipeline emits, and of URL schemes. Everything else — scripts, frames, forms, styles,
/// event handlers, classes, data attributes, <c>javascript:</c>, <c>data:</c> and other schemes — is removed.
/// Relative URLs (<c>/articles/x</c>, <c>#heading</c>) are kept: they cannot run code and link within the site.
/// Protocol-relative ones (<c>//host/x</c>, and <c>\\host</c>, <c>/\host</c>, <c>\/host</c> as browsers read them)
/// lead to another site: they are written out as the <c>https://host/x</c> a browser would resolve them to, or removed.
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

    private static readonly char[] s_trimmed = [.. Enumerable.Range(0, 0x21).Select(c => (char)c)];

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
        sanitizer.FilterUrl += (_, e) => e.SanitizedUrl = e.SanitizedUrl is { } url ? Filter(url) : null;
        return sanitizer;
    }

    private static string? Filter(string url)
    {
        if (HasForbiddenScheme(Uri.UnescapeDataString(url)))
        {
            return null;
        }

        var browserView = BrowserView(url);
        if (IsProtocolRelative(browserView))
        {
            return AsHttps(browserView);
        }

        // Decoded once, it would lead elsewhere: no consumer can be trusted to keep it on the site.
        return IsProtocolRelative(BrowserView(Uri.UnescapeDataString(browserView))) ? null : url;
    }

    private static bool HasForbiddenScheme(string url) =>
        Scheme().Match(Ignored().Replace(url, "")) is { Success: true } match && !s_schemes.Contains(match.Groups[1].Value);

    /// <summary>The URL as a browser reads it: controls and spaces trimmed, tabs and line breaks dropped.</summary>
    private static string BrowserView(string url) => Breaks().Replace(url.Trim(s_trimmed), "");

    /// <summary>"//host", and as browsers read it "\\host", "/\host" and "\/host": a link to another site, not a path.</summary>
    private static bool IsProtocolRelative(string url) => url is ['/' or '\\', '/' or '\\', ..];

    /// <summary>
    /// The https URL a browser would resolve a protocol-relative one to (backslashes read as slashes up to the query),
    /// so that it is plainly absolute to every consumer; null when that is no valid http URL with a host.
    /// </summary>
    private static string? AsHttps(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        // Stryker disable once Equality : the URL starts with two slashes, so a '?' or '#' is never at 0
        var absolute = "https:" + (end < 0 ? url.Replace('\\', '/') : url[..end].Replace('\\', '/') + url[end..]);
        // .NET refuses an https URL without a host ("https://", "https:///x").
        return Uri.TryCreate(absolute, UriKind.Absolute, out _) ? absolute : null;
    }

    [GeneratedRegex("^([a-zA-Z][a-zA-Z0-9+.-]*):")]
    private static partial Regex Scheme();

    /// <summary>Controls and spaces: browsers skip them around a URL (and tabs and newlines within it).</summary>
    [GeneratedRegex(@"[\x00-\x20]")]
    private static partial Regex Ignored();

    [GeneratedRegex("[\t\n\r]")]
    private static partial Regex Breaks();
}
