namespace ContentHub.Server.Promotions;

/// <summary>Where on a page a promotional block is shown.</summary>
public enum PromotionPlacement
{
    /// <summary>After an article's body and call to action.</summary>
    ArticleEnd = 0,

    /// <summary>In the sidebar beside the content.</summary>
    Sidebar = 1,
}
