using GraphQL.Types;

namespace ContentHub.Server.GraphQL;

public sealed class ContentHubSchema : Schema
{
    public ContentHubSchema(IServiceProvider services, QueryType query, MutationType mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        // Asked for by graphql-js's introspection query with directiveIsRepeatable and inputValueDeprecation on.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
    }

    protected override void OnBeforeInitializeType(IGraphType graphType) => IntrospectionCompletion.Complete(graphType);
}
