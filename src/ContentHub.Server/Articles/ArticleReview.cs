using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Editing;
using ContentHub.Server.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Articles;

/// <summary>
/// The medical review of an article, through the editing pipeline (one transaction each, a revision whose changed
/// field is <c>review</c>, an audit entry, an <c>updated</c> webhook event): a writer asks for it, a medical reviewer
/// approves exactly the content as it stands — signed by the person their key stands for, never by anything typed —
/// or sends it back with a note.
/// </summary>
public sealed class ArticleReview(ContentEditor<Article, ArticleSeed> editor, IOptions<ReviewOptions> options)
{
    public Task<ContentPayload<Article>> RequestAsync(Viewer viewer, int id, int version, CancellationToken cancellationToken) =>
        editor.ChangeAsync(viewer, "requestReview", Permissions.Write, id, version, (_, article, _) =>
        {
            IReadOnlyList<FieldError> errors = article switch
            {
                { Status: PublicationStatus.Published } => [Error(EditingErrorCodes.InvalidState,
                    "A published article is reviewed as it stands: a medical reviewer approves it from the review queue. To change it, unpublish it first.")],
                { ReviewState: ArticleReviewState.InReview } => [Error(EditingErrorCodes.InvalidState, "The article is in review already.")],
                { ReviewState: ArticleReviewState.Approved } => [Error(EditingErrorCodes.InvalidState, "The article is approved as it stands; change it first.")],
                _ => [],
            };
            if (errors.Count == 0)
            {
                article.ReviewStatus = ArticleReviewState.InReview;
                article.ReviewNote = null;
            }

            return Task.FromResult(errors);
        }, cancellationToken, mutationName: "requestReview");

    public Task<ContentPayload<Article>> ApproveAsync(Viewer viewer, int id, int version, string? note, CancellationToken cancellationToken) =>
        editor.ChangeAsync(viewer, "approve", Permissions.Review, id, version, async (db, article, now) =>
        {
            if (FieldRules.MaxLength(note, FieldLengths.LongText, "note").ToList() is { Count: > 0 } tooLong)
            {
                return tooLong;
            }

            if (article.ReviewState != ArticleReviewState.InReview && article.Status != PublicationStatus.Published)
            {
                return [Error(EditingErrorCodes.InvalidState,
                    "Only an article in review (requestReview), or a published one due for its next review, can be approved.")];
            }

            if (viewer.Person is not { } slug
                || await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.Status != PublicationStatus.Trashed, cancellationToken) is not { } reviewer)
            {
                return [Error(EditingErrorCodes.PersonRequired,
                    "An approval is signed by a person, and your key or sign-in stands for none: ask an admin for a key made with 'keys create --person <slug>'.")];
            }

            if (!options.Value.AllowSelfApproval && await LastChangeIsTheirsAsync(db, article.Id, reviewer, viewer, cancellationToken))
            {
                return [Error(EditingErrorCodes.SelfApproval,
                    "The last change to this content is your own: another medical reviewer must approve it (four eyes).")];
            }

            var policy = await MedicalReviewPolicy.ReadAsync(db, article.CategoryId, cancellationToken);
            article.ReviewStatus = ArticleReviewState.Approved;
            article.ReviewNote = note;
            article.ReviewerId = reviewer.Id;
            article.Reviewer = new Reviewer { Name = reviewer.Name, Credentials = reviewer.Credentials };
            article.ReviewedAt = now;
            article.NextReviewDue = now.AddDays(policy.IntervalDays ?? options.Value.DefaultIntervalDays);
            article.ContentHash = article.ApprovedContentHash = ReviewedContent.Hash(article);
            article.ApprovedVersion = article.Version + 1; // the version this change makes
            return [];
        }, cancellationToken);

    public Task<ContentPayload<Article>> RejectAsync(Viewer viewer, int id, int version, string? note, CancellationToken cancellationToken) =>
        editor.ChangeAsync(viewer, "reject", Permissions.Review, id, version, (_, article, _) =>
        {
            IReadOnlyList<FieldError> errors = FieldRules.RequiredText(note, "note", FieldLengths.LongText).ToList();
            if (errors.Count == 0 && article.ReviewState != ArticleReviewState.InReview)
            {
                errors = [Error(EditingErrorCodes.InvalidState, "Only an article in review can be sent back.")];
            }

            if (errors.Count == 0)
            {
                article.ReviewStatus = ArticleReviewState.ChangesRequested;
                article.ReviewNote = note;
            }

            return Task.FromResult(errors);
        }, cancellationToken);

    /// <summary>
    /// Whether the latest revision that changed the reviewed content was made by <paramref name="reviewer"/>: under the
    /// caller's name, or the name of any key standing for the same person.
    /// </summary>
    private static async Task<bool> LastChangeIsTheirsAsync(ContentHubDbContext db, int articleId, Person reviewer, Viewer viewer, CancellationToken cancellationToken)
    {
        var revisions = await db.Revisions.AsNoTracking()
            .Where(r => r.ContentType == nameof(Article) && r.ContentId == articleId)
            .OrderByDescending(r => r.Version)
            .Select(r => new { r.Actor, r.ChangedFields })
            .ToListAsync(cancellationToken);
        if (revisions.FirstOrDefault(r => r.ChangedFields.Any(ReviewedContent.Fields.Contains)) is not { } last)
        {
            return false;
        }

        var theirs = await db.ApiKeys.AsNoTracking().Where(k => k.PersonId == reviewer.Id).Select(k => k.Name).ToListAsync(cancellationToken);
        return last.Actor == viewer.Name || theirs.Contains(last.Actor);
    }

    private static FieldError Error(string code, string message) => new("id", code, message);
}
