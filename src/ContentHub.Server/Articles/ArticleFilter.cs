namespace ContentHub.Server.Articles;

/// <summary>Narrows an article list; all given conditions must hold.</summary>
public sealed record ArticleFilter
{
    /// <summary>Only articles filed directly under the category with this slug.</summary>
    public string? Category { get; init; }

    /// <summary>Only articles carrying this tag.</summary>
    public string? Tag { get; init; }
}
