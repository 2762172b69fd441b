using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Editing;

namespace ContentHub.Server.Articles;

/// <summary>
/// An article whose category (or one above it) requires medical review goes or stays live only with an approval of
/// exactly its content: checked wherever an article is published or changed while live (mutation, bulk, scheduler,
/// seed import), against the content in memory, whatever the stored state says.
/// </summary>
public static class MedicalReviewGate
{
    public static async Task<IReadOnlyList<FieldError>> CheckAsync(ContentHubDbContext db, Article article, CancellationToken cancellationToken)
    {
        if (!(await MedicalReviewPolicy.ReadAsync(db, article.CategoryId, cancellationToken)).Required
            || (article.ApprovedContentHash is { } approved && approved == ReviewedContent.Hash(article)))
        {
            return [];
        }

        return [new FieldError("review", EditingErrorCodes.ReviewRequired, article.ApprovedContentHash is null
            ? "Articles in this category are published only once a medical reviewer has approved them: requestReview, then approveArticle."
            : "The article's reviewed content (title, summary, body, citations, disclaimers) changed since its approval: request a new review.")];
    }
}
