namespace ContentHub.Server.Articles.Search;

/// <summary>An article matching a search, with its rank: lower is more relevant (SQLite's bm25 is negative).</summary>
public sealed class SearchHit
{
    public int Id { get; init; }

    public double Rank { get; init; }
}
