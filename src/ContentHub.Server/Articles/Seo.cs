using ContentHub.Server.Content;
using GraphQL;

namespace ContentHub.Server.Articles;

/// <summary>What search engines and link previews show for an article.</summary>
[InputName("SeoInput")]
public sealed record Seo
{
    /// <summary>The &lt;title&gt; of the page.</summary>
    public string? Title { get; init; }

    /// <summary>The meta description of the page.</summary>
    [MultiLine]
    public string? Description { get; init; }

    /// <summary>The page's canonical address (absolute http or https) when it is not the article's own page; empty: its own page, <c>Site:BaseUrl</c> + <c>/articles/{slug}</c>.</summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>The robots meta tag's directives, comma-separated, e.g. <c>noindex, follow</c>; empty: search engines' defaults.</summary>
    public string? Robots { get; init; }

    /// <summary>The image link previews show (<c>og:image</c>) when it is not the hero image.</summary>
    public Image? Image { get; init; }
}
