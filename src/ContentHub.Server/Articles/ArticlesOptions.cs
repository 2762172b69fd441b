namespace ContentHub.Server.Articles;

/// <summary>What happens to articles whose advice has expired. Bound from the <c>Articles</c> section.</summary>
public sealed class ArticlesOptions
{
    public const string Section = "Articles";

    /// <summary>
    /// <c>Archive</c>: the scheduler archives a published article once its <c>expiresAt</c> has passed.
    /// <c>Flag</c>: it stays published and answers <c>expired: true</c>.
    /// </summary>
    public ExpiredArticleAction WhenExpired { get; set; } = ExpiredArticleAction.Archive;
}

/// <summary>See <see cref="ArticlesOptions.WhenExpired"/>.</summary>
public enum ExpiredArticleAction
{
    Archive,
    Flag,
}
