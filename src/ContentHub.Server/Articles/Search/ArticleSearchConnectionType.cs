using GraphQL.Types.Relay;

namespace ContentHub.Server.Articles.Search;

public sealed class ArticleSearchConnectionType : ConnectionType<ArticleGraphType, ArticleSearchEdgeType>
{
    public ArticleSearchConnectionType()
    {
        Name = "ArticleSearchConnection";
        Description = "Articles found by a search, most relevant first.";
    }
}
