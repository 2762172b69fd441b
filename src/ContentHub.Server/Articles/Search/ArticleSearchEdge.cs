using GraphQL.Types.Relay.DataObjects;

namespace ContentHub.Server.Articles.Search;

/// <summary>One search result: the article, its cursor, its relevance and the words it was found for.</summary>
public sealed class ArticleSearchEdge : Edge<Article>
{
    public required double Score { get; init; }

    public required SearchTerms Terms { get; init; }
}
