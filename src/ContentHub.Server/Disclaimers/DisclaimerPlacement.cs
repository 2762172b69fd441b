namespace ContentHub.Server.Disclaimers;

/// <summary>Where on a page a disclaimer is shown.</summary>
public enum DisclaimerPlacement
{
    /// <summary>In the site footer, on every page.</summary>
    SiteFooter = 0,

    /// <summary>Directly after an article's body.</summary>
    ArticleFooter = 1,

    /// <summary>A footnote at the very end of the page, usually marked with asterisks.</summary>
    Footnote = 2,
}
