using GraphQL.Types;

namespace ContentHub.Server.GraphQL;

public sealed class ContentHubSchema : Schema
{
    public ContentHubSchema(IServiceProvider services, QueryType query)
        : base(services)
    {
        Query = query;
    }
}
