using ContentHub.Server.Content;

namespace ContentHub.Server.Articles;

/// <summary>
/// An <see cref="ArticleFilter"/> made ready for SQL, for one viewer: the category with its whole visible sub-tree,
/// the search text as a <c>LIKE</c> pattern, times in UTC. A query branches on <see cref="Shape"/> alone and reads
/// the other members inside its expressions, where each becomes a SQL parameter: so one query compiled per shape
/// serves every request of that shape (<see cref="Data.CompiledQueries{TShape, TValues, TResult}"/>).
/// </summary>
public class ArticleFilterValues
{
    public ArticleFilterShape Shape { get; set; }

    public PublicationStatus Status { get; set; }

    public List<int> CategoryIds { get; set; } = [];

    public string Author { get; set; } = "";

    public string Tag { get; set; } = "";

    public List<string> Tags { get; set; } = [];

    public DateTime PublishedAfter { get; set; }

    public DateTime PublishedBefore { get; set; }

    public DateTime ReviewDueBefore { get; set; }

    /// <summary>The time expiry and the review queue are judged at.</summary>
    public DateTime Now { get; set; }

    public string SearchPattern { get; set; } = "";
}

/// <summary>What a filter's SQL looks like: who reads (editors also see drafts) and which conditions are set.</summary>
public readonly record struct ArticleFilterShape(bool Editor, ArticleConditions Conditions)
{
    public bool Has(ArticleConditions condition) => (Conditions & condition) != 0;
}

/// <summary>The conditions an article filter sets.</summary>
[Flags]
public enum ArticleConditions
{
    None = 0,
    Status = 1 << 0,
    Category = 1 << 1,
    Author = 1 << 2,
    Tag = 1 << 3,
    Tags = 1 << 4,
    PublishedAfter = 1 << 5,
    PublishedBefore = 1 << 6,
    ReviewDueBefore = 1 << 7,
    ReviewQueue = 1 << 8,
    Expired = 1 << 9,
    NotExpired = 1 << 10,
    Search = 1 << 11,

    /// <summary>Only published articles (a status condition of PUBLISHED): their orders can use readers' index.</summary>
    Published = 1 << 12,
}
