using GraphQL.Types;

namespace ContentHub.Server.GraphQL;

public sealed class ContentHubSchema : Schema
{
    public ContentHubSchema(IServiceProvider services, QueryType query, MutationType mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
    }
}
