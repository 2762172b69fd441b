using ContentHub.Server.Content;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// Reports an operation of a type the schema does not define (a mutation or subscription) as a validation error.
/// Without it the complexity analyzer meets the operation first and fails with an internal error.
/// </summary>
public sealed class DefinedOperationTypesRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation.Operation;
        var defined = operation switch
        {
            OperationType.Mutation => context.Schema.Mutation is not null,
            OperationType.Subscription => context.Schema.Subscription is not null,
            _ => true,
        };
        if (!defined)
        {
            context.ReportError(new ValidationError(context.Document.Source, ErrorCodes.OperationNotSupported,
                $"This API has no {operation.ToString().ToLowerInvariant()} operations.", context.Operation) { Code = ErrorCodes.OperationNotSupported });
        }

        return default;
    }
}
