using GraphQL.Validation;
using GraphQLParser.AST;

namespace ContentHub.Server.GraphQL;

/// <summary>GET requests may only run queries: a mutation over GET could be triggered by a link or an image tag.</summary>
public sealed class QueriesOnlyOverGetRule : ValidationRuleBase
{
    public const string Code = "METHOD_NOT_ALLOWED";

    public static readonly QueriesOnlyOverGetRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Query)
        {
            context.ReportError(new ValidationError(
                context.Document.Source, Code, $"A {context.Operation.Operation.ToString().ToLowerInvariant()} must be sent with POST.", context.Operation));
        }

        return default;
    }
}
