namespace ContentHub.Server.Articles;

/// <summary>The columns an article read needs beyond the light ones (<see cref="ArticleProjection"/>).</summary>
[Flags]
public enum ArticleColumns
{
    Light = 0,

    /// <summary>The search-engine title and description, for <c>seo</c>.</summary>
    Seo = 1,

    /// <summary>The tags, for <c>tags</c> and <c>related</c>.</summary>
    Tags = 2,

    /// <summary>The whole row, for <c>body</c> and <c>citations</c>.</summary>
    Full = 4,
}
