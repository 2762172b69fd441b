using ContentHub.Server.Content;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace ContentHub.Server.GraphQL;

/// <summary>Depth and cost limits, reported with codes that name the limit a query went past.</summary>
public static class ComplexityLimits
{
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

    private static ValidationError Error(string code, string message) => new(message) { Code = code };
}
