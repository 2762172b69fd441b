namespace ContentHub.Server.Articles;

/// <summary>The columns an article read needs beyond the few every read loads (<see cref="ArticleProjection"/>).</summary>
[Flags]
public enum ArticleColumns
{
    Light = 0,

    /// <summary>The search-engine title and description, for <c>seo</c>.</summary>
    Seo = 1,

    /// <summary>The tags, for <c>tags</c> and <c>related</c>.</summary>
    Tags = 2,

    /// <summary>The body's HTML, for <c>body { html }</c>.</summary>
    BodyHtml = 4,

    /// <summary>The body's Markdown, for <c>body { markdown }</c>.</summary>
    BodyMarkdown = 8,

    /// <summary>The body's plain text, for <c>body { text }</c>.</summary>
    BodyText = 16,

    /// <summary>The body's excerpt, for <c>body { excerpt }</c>.</summary>
    BodyExcerpt = 32,

    /// <summary>The body's outline, for <c>body { outline }</c>.</summary>
    BodyOutline = 64,

    /// <summary>The citations, for <c>citations</c>.</summary>
    Citations = 128,

    /// <summary>The hero image, for <c>heroImage</c>.</summary>
    HeroImage = 256,

    /// <summary>The call to action, for <c>callToAction</c>.</summary>
    CallToAction = 512,

    /// <summary>The medical review's columns (reviewer, dates, state, note, content hashes), for the review fields and the review queue's order.</summary>
    Review = 1024,

    /// <summary>The scheduled publication and withdrawal and the expiry date, for those fields and <c>expired</c>.</summary>
    Schedule = 2048,

    /// <summary>When the article was created and last changed, for those fields and the orders whose sort keys read them.</summary>
    Timestamps = 4096,

    /// <summary>The whole row.</summary>
    Full = Seo | Tags | BodyHtml | BodyMarkdown | BodyText | BodyExcerpt | BodyOutline | Citations | HeroImage | CallToAction | Review | Schedule | Timestamps,
}
