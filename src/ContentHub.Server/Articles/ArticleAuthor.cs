using ContentHub.Server.People;

namespace ContentHub.Server.Articles;

/// <summary>A person credited as one of an article's authors, at a place in its byline.</summary>
public sealed class ArticleAuthor
{
    public int ArticleId { get; set; }

    public int PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>Where in the byline, first author 0.</summary>
    public int Position { get; set; }
}
