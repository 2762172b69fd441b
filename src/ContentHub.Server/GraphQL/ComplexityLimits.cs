using ContentHub.Server.Content;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// Depth and cost limits, reported with codes that name the limit a query went past. A field costs 1 and a list
/// multiplies its children by <c>first</c>, unless the field declares its own price: fields whose work grows with
/// the data are priced by the rows they may read (<c>Article.related</c>), or as a scan (<see cref="ScanImpact"/>).
/// No price may read a position (<c>after</c>, <c>before</c>): a cached document whose variables are only positions is
/// not priced again (<see cref="PositionVariables"/>).
/// </summary>
public static class ComplexityLimits
{
    /// <summary>
    /// The price of a read that visits every article matching a condition no index answers (a text or tag match)
    /// rather than a page of them: ten fit in the default budget.
    /// </summary>
    public const double ScanImpact = 2_500;

    private const string TotalCount = "totalCount";
    private const string CountScansKey = "ContentHub.CountScans";

    /// <summary>
    /// Declares that the <c>totalCount</c> of this connection field reads every matching row when
    /// <paramref name="scans"/> holds for the field's arguments: it then costs <see cref="ScanImpact"/>.
    /// </summary>
    public static FieldType CountScansWhen(this FieldType connection, Func<IDictionary<string, ArgumentValue>?, bool> scans) =>
        connection.WithMetadata(CountScansKey, scans);

    public static ComplexityValidationRule CreateRule(GraphQLLimits limits)
    {
        var complexity = new ComplexityOptions();
        complexity.MaxDepth = limits.MaxDepth;
        complexity.MaxComplexity = limits.MaxComplexity;

        // Introspection reads the schema, not the database: its cost is bounded by the schema's size, and
        // the list multipliers would otherwise price the IDEs' standard query out.
        var contentImpact = complexity.DefaultComplexityImpactDelegate;
        complexity.DefaultComplexityImpactDelegate = field =>
            field.ParentType.Name.StartsWith("__", StringComparison.Ordinal) || field.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal)
                ? new FieldComplexityResult(0, 1)
                : CountScans(field)
                    ? new FieldComplexityResult(ScanImpact, 1)
                    : contentImpact(field);
        complexity.ValidateComplexityDelegate = context =>
        {
            if (context.Error is not null)
            {
                context.Error = context.MaxDepth > limits.MaxDepth
                    ? Error(ErrorCodes.DepthLimitExceeded, $"The query is {context.MaxDepth} levels deep; the limit is {limits.MaxDepth}.")
                    : Error(ErrorCodes.ComplexityLimitExceeded,
                        $"The query's estimated cost is {context.TotalImpact:0}; the limit is {limits.MaxComplexity}. Ask for fewer items (first) or fewer fields.");
            }

            return Task.CompletedTask;
        };
        return new ComplexityValidationRule(complexity);
    }

    private static bool CountScans(FieldImpactContext field) =>
        field.FieldDefinition.Name == TotalCount
        && field.Parent is { } connection
        && connection.FieldDefinition.GetMetadata<Func<IDictionary<string, ArgumentValue>?, bool>?>(CountScansKey) is { } scans
        && scans(connection.Arguments);

    private static ValidationError Error(string code, string message) => new(message) { Code = code };
}
