using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Disclaimers;
using GraphQL;

namespace ContentHub.Server.Articles;

/// <summary>A blog article: Markdown body, hero image, category, tags, call to action, disclaimers, medical review and citations.</summary>
public sealed class Article : ContentItem
{
    /// <summary>URL-friendly unique name, e.g. <c>revision-surgery</c>.</summary>
    public required string Slug { get; set; }

    /// <summary>The headline.</summary>
    public required string Title { get; set; }

    /// <summary>A short teaser for lists and link previews.</summary>
    public string? Summary { get; set; }

    /// <summary>The article text: Markdown source with its sanitised HTML and plain text.</summary>
    public required RichText Body { get; set; }

    /// <summary>The image shown above the article.</summary>
    public Image? HeroImage { get; set; }

    [Ignore]
    public int? CategoryId { get; set; }

    [Ignore]
    public Category? Category { get; set; }

    // Tags, Disclaimers, Authors and Citations are created when first read: a list page's articles read none of them,
    // and four empty lists an article were some 4 % of the page's allocations.

    /// <summary>Free-form topic labels, lower case.</summary>
    public List<string> Tags { get => field ??= []; set; }

    /// <summary>Search-engine title and description; fall back to title and summary when empty.</summary>
    public Seo Seo { get; set; } = new();

    /// <summary>Estimated minutes to read the body (the same as <c>body.readingTimeMinutes</c>).</summary>
    public int ReadingTimeMinutes => Body.ReadingTimeMinutes;

    /// <summary>The invitation to act shown after the body, such as a phone number to call.</summary>
    public CallToAction? CallToAction { get; set; }

    [Ignore]
    public List<Disclaimer> Disclaimers { get => field ??= []; set; }

    [Ignore]
    public List<ArticleAuthor> Authors { get => field ??= []; set; }

    /// <summary>The medical professional who last approved the article, with their credentials at the time (see <c>reviewedBy</c>); empty when it has not been reviewed.</summary>
    public Reviewer? Reviewer { get; set; }

    /// <summary>When the article was last medically approved (UTC).</summary>
    public DateTime? ReviewedAt { get; set; }

    /// <summary>When the article is due for its next medical review (UTC): its last approval plus its category's review interval.</summary>
    [EditorsOnly]
    public DateTime? NextReviewDue { get; set; }

    /// <summary>The review state as stored; <see cref="ReviewState"/> tells whether an approval still holds.</summary>
    [Ignore]
    public ArticleReviewState ReviewStatus { get; set; }

    /// <summary>Where the article is in its medical review: an approval the content has since moved away from counts as NOT_REVIEWED.</summary>
    [EditorsOnly]
    public ArticleReviewState? ReviewState =>
        ReviewStatus == ArticleReviewState.Approved && ApprovedContentHash != ContentHash ? ArticleReviewState.NotReviewed : ReviewStatus;

    /// <summary>The last reviewer's note: what they checked when approving, or what to change when sending it back.</summary>
    [EditorsOnly]
    public string? ReviewNote { get; set; }

    /// <summary>The person who last approved it.</summary>
    [Ignore]
    public int? ReviewerId { get; set; }

    /// <summary>SHA-256 (hex) of the reviewed content as it stands (<see cref="ReviewedContent"/>).</summary>
    [Ignore]
    public string? ContentHash { get; set; }

    /// <summary>SHA-256 (hex) of the title, summary, body, citations and disclaimers the last approval covered.</summary>
    [EditorsOnly]
    public string? ApprovedContentHash { get; set; }

    /// <summary>The version the last approval made: compare it with the current one in articleDiff to see what changed since.</summary>
    [EditorsOnly]
    public int? ApprovedVersion { get; set; }

    /// <summary>The sources the article relies on, in the order they are cited.</summary>
    public List<Citation> Citations { get => field ??= []; set; }

    /// <summary>When the advice stops being valid (UTC): the article is then archived or flagged as expired, as the server is configured.</summary>
    public DateTime? ExpiresAt { get; set; }
}
