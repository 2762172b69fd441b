using ContentHub.Server.Content;
using ContentHub.Server.GraphQL;
using GraphQL.Types;

namespace ContentHub.Server.Editing;

/// <summary><c>ArticlesPayload</c> and its siblings: what a mutation of several items of one content type answers.</summary>
public sealed class BulkContentPayloadGraphType<TEntity> : ObjectGraphType<BulkContentPayload<TEntity>>
{
    public BulkContentPayloadGraphType(string typeName)
    {
        var plural = GraphQLNames.Plural(typeName);
        Name = plural + "Payload";
        Description = $"The outcome of a mutation of several {plural.ToLowerInvariant()}: all of them as they now are, or the errors that kept any from being written.";

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphQLClrOutputTypeReference<TEntity>>>>>(GraphQLNames.Camel(plural))
            .Description("The items after the change, in the order given; empty when the mutation was refused.")
            .Resolve(context => context.Source.Items);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphQLClrOutputTypeReference<FieldError>>>>>("errors")
            .Description("Why the mutation was refused, each field prefixed with the item's position, e.g. `items[2].version`; nothing is written when there are errors.")
            .Resolve(context => context.Source.Errors);
    }
}
