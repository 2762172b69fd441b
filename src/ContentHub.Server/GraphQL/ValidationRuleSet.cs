using GraphQL;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// GraphQL's own validation rules and ours, as arrays built once. GraphQL.NET's <c>AddValidationRule</c> would append
/// each of our rules to every request's options, twice (all rules, and the rules for cached documents).
/// Ours read the variables, so they run on cached documents too (<see cref="DocumentCache"/>), unless a document uses
/// its variables only as positions, which none of them may read (<see cref="PositionVariables"/>).
/// </summary>
public sealed class ValidationRuleSet
{
    private readonly IValidationRule[] _forCachedDocuments;
    private readonly IValidationRule[] _all;

    public ValidationRuleSet(IOptions<GraphQLLimits> limits)
    {
        _forCachedDocuments =
        [
            ComplexityLimits.CreateRule(limits.Value),
            new DocumentLimitsRule(limits),
            new DeclaredVariablesRule(),
            new IntrospectionAccessRule(limits),
            new IntrospectionDepthRule(),
            new DefinedOperationTypesRule(),
        ];
        _all = [.. DocumentValidator.CoreRules, .. _forCachedDocuments];
    }

    public void ApplyTo(ExecutionOptions options)
    {
        options.ValidationRules = _all;
        options.CachedDocumentValidationRules = _forCachedDocuments;
    }
}
