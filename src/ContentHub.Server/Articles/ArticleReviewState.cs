namespace ContentHub.Server.Articles;

/// <summary>Where an article is in its medical review.</summary>
public enum ArticleReviewState
{
    /// <summary>No review asked for, or the approval no longer matches the content (it changed since).</summary>
    NotReviewed = 0,

    /// <summary>Waiting for a medical reviewer (requestReview).</summary>
    InReview = 1,

    /// <summary>A reviewer sent it back (rejectArticle): see reviewNote.</summary>
    ChangesRequested = 2,

    /// <summary>A reviewer approved exactly the content it has now.</summary>
    Approved = 3,
}
