using GraphQL.Types;

namespace ContentHub.Server.GraphQL;

/// <summary>A content type's root query fields; <see cref="QueryType"/> composes them into one <c>Query</c>.</summary>
public interface IQueryFields
{
    void AddTo(ObjectGraphType query);
}
