using ContentHub.Server.Content;
using ContentHub.Server.GraphQL;
using GraphQL.Types;

namespace ContentHub.Server.Editing;

/// <summary><c>ArticlePayload</c> and its siblings: what every mutation of one content type answers.</summary>
public sealed class ContentPayloadGraphType<TEntity> : ObjectGraphType<ContentPayload<TEntity>>
{
    public ContentPayloadGraphType(string typeName)
    {
        Name = typeName + "Payload";
        Description = $"The outcome of a mutation of {GraphQLNames.Indefinite(typeName)}: the item as it now is, or the errors that kept anything from being written.";

        Field<GraphQLClrOutputTypeReference<TEntity>>(GraphQLNames.Camel(typeName))
            .Description("The item after the change; empty when the mutation was refused.")
            .Resolve(context => context.Source.Item);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphQLClrOutputTypeReference<FieldError>>>>>("errors")
            .Description("Why the mutation was refused; empty when it succeeded. Nothing is written when there are errors.")
            .Resolve(context => context.Source.Errors);
        Field<IntGraphType>("currentVersion")
            .Description("With a CONFLICT error: the item's current version. Read the item again, reapply the change, send that version.")
            .Resolve(context => context.Source.CurrentVersion);
    }
}
