namespace ContentHub.Server.Articles.Search;

/// <summary>An article's snippet with the matched words between <see cref="Highlight.Open"/> and <see cref="Highlight.Close"/>.</summary>
public sealed class MarkedSnippet
{
    public int Id { get; init; }

    public string? Text { get; init; }
}
