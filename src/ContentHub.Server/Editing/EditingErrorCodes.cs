namespace ContentHub.Server.Editing;

/// <summary>The <c>code</c> values of mutation user errors, besides the field rules' (REQUIRED, TOO_LONG, …).</summary>
public static class EditingErrorCodes
{
    /// <summary>The item was changed since the editor read it: the version they sent is not current.</summary>
    public const string Conflict = "CONFLICT";

    /// <summary>No item (or revision) has that id.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>Another item already uses the slug or key, or it still redirects to another item.</summary>
    public const string Duplicate = "DUPLICATE";

    /// <summary>The item's status does not allow the operation, e.g. publishing a trashed item.</summary>
    public const string InvalidState = "INVALID_STATE";

    /// <summary>A category would become its own ancestor.</summary>
    public const string Cycle = "CYCLE";

    /// <summary>
    /// The article's category (or one above it) requires a disclaimer the article does not carry, so it cannot be
    /// published; or a change to a disclaimer or category would leave published articles without one.
    /// </summary>
    public const string DisclaimerRequired = "DISCLAIMER_REQUIRED";

    /// <summary>
    /// The article's category (or one above it) requires medical review, and no approval matches the content being
    /// published: never approved, or changed since.
    /// </summary>
    public const string ReviewRequired = "REVIEW_REQUIRED";

    /// <summary>A field only an approval sets (reviewer, reviewedAt, nextReviewDue) was given.</summary>
    public const string SetByApproval = "SET_BY_APPROVAL";

    /// <summary>An approval needs a caller who stands for a person (a key made with <c>--person</c>).</summary>
    public const string PersonRequired = "PERSON_REQUIRED";

    /// <summary>A reviewer tried to approve content whose last change was their own (four eyes).</summary>
    public const string SelfApproval = "SELF_APPROVAL";
}
