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
}
