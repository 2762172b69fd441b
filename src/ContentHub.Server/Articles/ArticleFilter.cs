using ContentHub.Server.Content;

namespace ContentHub.Server.Articles;

/// <summary>Narrows an article list; all given conditions must hold.</summary>
public sealed record ArticleFilter
{
    /// <summary>Only articles filed under the category with this slug or under any of its sub-categories, at any depth (through categories you can see).</summary>
    public string? Category { get; init; }

    /// <summary>Only articles crediting the person with this slug as an author.</summary>
    public string? Author { get; init; }

    /// <summary>Only articles carrying this tag.</summary>
    public string? Tag { get; init; }

    /// <summary>Only articles carrying at least one of these tags (any of). Combine with `tag` to require one tag and any of others.</summary>
    public List<string>? Tags { get; init; }

    /// <summary>Only articles in this state. Editors only: anonymous callers see published articles and get FORBIDDEN for any other state.</summary>
    public PublicationStatus? Status { get; init; }

    /// <summary>Only articles published at or after this time (UTC). Drafts, which have no publication date, never match.</summary>
    public DateTime? PublishedAfter { get; init; }

    /// <summary>Only articles published before this time (UTC), exclusive. Drafts, which have no publication date, never match.</summary>
    public DateTime? PublishedBefore { get; init; }

    /// <summary>Only articles whose title or summary contains this text, ignoring case (ASCII letters on SQLite).</summary>
    public string? Search { get; init; }

    /// <summary>Only articles whose next medical review is due before this time (UTC), exclusive. Editors only: anonymous callers get FORBIDDEN.</summary>
    public DateTime? ReviewDueBefore { get; init; }

    /// <summary>true: only articles waiting for a medical reviewer — in review, or published and due for their next review by now (sort them with REVIEW_DUE). Editors only: anonymous callers get FORBIDDEN.</summary>
    public bool? ReviewQueue { get; init; }

    /// <summary>Only articles whose expiry date has passed (true) or has not (false; also those without one). Editors only: anonymous callers get FORBIDDEN.</summary>
    public bool? Expired { get; init; }
}
