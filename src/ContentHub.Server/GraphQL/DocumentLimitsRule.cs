using ContentHub.Server.Content;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// Refuses documents with too many aliases or directives (cheap ways to multiply work), and list arguments
/// <c>first</c> that are negative or above the page-size limit, whether written inline or passed as variables.
/// </summary>
public sealed class DocumentLimitsRule(IOptions<GraphQLLimits> options) : ValidationRuleBase
{
    private const string PageSizeArgument = "first";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var limits = options.Value;
        int aliases = 0, directives = 0;
        return new ValueTask<INodeVisitor?>(new NodeVisitors(
            new MatchingNodeVisitor<GraphQLAlias>((alias, validation) =>
            {
                if (++aliases == limits.MaxAliases + 1)
                {
                    validation.ReportError(Error(validation, alias, ErrorCodes.AliasLimitExceeded,
                        $"The document has more than {limits.MaxAliases} aliases."));
                }
            }),
            new MatchingNodeVisitor<GraphQLDirective>((directive, validation) =>
            {
                if (++directives == limits.MaxDirectives + 1)
                {
                    validation.ReportError(Error(validation, directive, ErrorCodes.DirectiveLimitExceeded,
                        $"The document applies more than {limits.MaxDirectives} directives."));
                }
            })));
    }

    /// <summary>Argument values, variables resolved, exist only after the document has been walked once.</summary>
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        var maxPageSize = options.Value.MaxPageSize;
        foreach (var (field, arguments) in context.ArgumentValues ?? [])
        {
            if (!arguments.TryGetValue(PageSizeArgument, out var first) || first.Value is not int size)
            {
                continue;
            }

            if (size < 0)
            {
                context.ReportError(Error(context, field, ErrorCodes.Validation, $"'{PageSizeArgument}' must be 0 or more."));
            }
            else if (size > maxPageSize)
            {
                context.ReportError(Error(context, field, ErrorCodes.PageSizeLimitExceeded,
                    $"'{PageSizeArgument}' is {size}; at most {maxPageSize} items are returned at once."));
            }
        }

        return default;
    }

    private static ValidationError Error(ValidationContext context, ASTNode node, string code, string message) =>
        new(context.Document.Source, code, message, node) { Code = code };
}
