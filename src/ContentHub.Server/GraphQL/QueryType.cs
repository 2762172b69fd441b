using GraphQL.Types;

namespace ContentHub.Server.GraphQL;

/// <summary>The root <c>Query</c>: the fields every content type contributes.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType(IEnumerable<IQueryFields> contentTypes)
    {
        Name = "Query";
        Description = "Published content of the blog. Anonymous callers see published items only.";
        foreach (var contentType in contentTypes)
        {
            contentType.AddTo(this);
        }
    }
}
