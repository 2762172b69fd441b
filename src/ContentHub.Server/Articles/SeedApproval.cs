using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Editing;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles;

/// <summary>
/// A medical approval as a seed file carries it (front matter <c>approval:</c>), written by <c>export</c> for an article
/// whose approval holds, so that an approved, published article in a category requiring review can be imported again.
/// The import applies it only to the very content it covers: <see cref="ContentHash"/> must be the hash of the imported
/// title, summary, body, citations and disclaimers (<see cref="ReviewedContent"/>), or the article is refused — a file
/// edited since its approval does not keep it.
/// </summary>
public sealed class SeedApproval
{
    /// <summary>The slug of the person who approved it (<c>people.yaml</c>).</summary>
    public string? Reviewer { get; set; }

    /// <summary>Their name and credentials as printed at the approval; the person's current ones when left out.</summary>
    public Reviewer? SignedAs { get; set; }

    public DateTime? ApprovedAt { get; set; }

    public DateTime? NextReviewDue { get; set; }

    /// <summary>SHA-256 (hex) of the reviewed content the approval covers.</summary>
    public string? ContentHash { get; set; }

    public string? Note { get; set; }

    public IEnumerable<FieldError> Problems() =>
        FieldRules.Identifier(Reviewer, "approval.reviewer", FieldLengths.Slug)
            .Concat(FieldRules.Check(ApprovedAt is not null, "approval.approvedAt", "approval.approvedAt is required"))
            .Concat(FieldRules.Check(ContentHash is { Length: 64 } && ContentHash.All(char.IsAsciiHexDigitLower), "approval.contentHash",
                "approval.contentHash must be a SHA-256 in lower-case hex (64 characters)"))
            .Concat(FieldRules.MaxLength(Note, FieldLengths.LongText, "approval.note"));

    /// <summary>Approves <paramref name="article"/>, whose content hash is up to date, as this block says; or says why not.</summary>
    public async Task<IReadOnlyList<FieldError>> ApplyAsync(ContentHubDbContext db, Article article, CancellationToken cancellationToken)
    {
        if (ContentHash != article.ContentHash)
        {
            return [new FieldError("approval.contentHash", FieldRules.InvalidValueCode,
                "The approval covers other content: the title, summary, body, citations or disclaimers changed since. "
                + "Remove the approval block (import the article as a draft) and have it reviewed again.")];
        }

        if (await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == Reviewer && p.Status != PublicationStatus.Trashed, cancellationToken) is not { } reviewer)
        {
            return [new FieldError("approval.reviewer", EditingErrorCodes.NotFound, $"No person has the slug '{Reviewer}'.")];
        }

        article.ReviewStatus = ArticleReviewState.Approved;
        article.ReviewNote = Note;
        article.ReviewerId = reviewer.Id;
        article.Reviewer = SignedAs ?? new Reviewer { Name = reviewer.Name, Credentials = reviewer.Credentials };
        article.ReviewedAt = ApprovedAt;
        article.NextReviewDue = NextReviewDue;
        article.ApprovedContentHash = ContentHash;
        article.ApprovedVersion = article.Id == 0 ? 1 : article.Version + 1; // the version this import makes
        return [];
    }

    /// <summary>The approval of each article whose approval holds, by article id, naming its reviewer by slug.</summary>
    public static async Task<Dictionary<int, SeedApproval>> OfAsync(ContentHubDbContext db, IReadOnlyCollection<Article> articles, CancellationToken cancellationToken)
    {
        var approved = articles.Where(a => a.ReviewState == ArticleReviewState.Approved && a.ReviewerId is not null).ToList();
        var reviewerIds = approved.Select(a => a.ReviewerId!.Value).Distinct().ToList();
        var slugs = await db.People.AsNoTracking().Where(p => reviewerIds.Contains(p.Id) && p.Status != PublicationStatus.Trashed)
            .ToDictionaryAsync(p => p.Id, p => p.Slug, cancellationToken);
        return approved.Where(a => slugs.ContainsKey(a.ReviewerId!.Value)).ToDictionary(a => a.Id, a => new SeedApproval
        {
            Reviewer = slugs[a.ReviewerId!.Value],
            SignedAs = a.Reviewer,
            ApprovedAt = a.ReviewedAt,
            NextReviewDue = a.NextReviewDue,
            ContentHash = a.ApprovedContentHash,
            Note = a.ReviewNote,
        });
    }
}
