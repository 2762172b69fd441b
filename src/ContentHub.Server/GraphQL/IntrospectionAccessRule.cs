using ContentHub.Server.Access;
using ContentHub.Server.Content;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.GraphQL;

/// <summary>Refuses <c>__schema</c> and <c>__type</c> to callers who are not editors, when so configured.</summary>
public sealed class IntrospectionAccessRule(IOptions<GraphQLLimits> options) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (options.Value.Introspection == IntrospectionAccess.All || Viewer.From(context.User).IsEditor)
        {
            return default;
        }

        return new ValueTask<INodeVisitor?>(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            if (field.Name.Value == "__schema" || field.Name.Value == "__type")
            {
                validation.ReportError(new ValidationError(validation.Document.Source, ErrorCodes.IntrospectionDisabled,
                    "Introspection is open to editors only on this server.", field) { Code = ErrorCodes.IntrospectionDisabled });
            }
        }));
    }
}
