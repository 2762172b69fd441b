using GraphQL.Types;

namespace ContentHub.Server.GraphQL;

/// <summary>A content type's contribution to the root <c>Mutation</c>.</summary>
public interface IMutationFields
{
    void AddTo(ObjectGraphType mutation);
}
