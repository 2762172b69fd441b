using ContentHub.Server.Content;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// Refuses a request carrying variables its operation does not declare. They could not change the result (the
/// engine ignores them), so refusing costs a correct client nothing, and the response cache, keyed by the variables
/// sent, only ever holds answers to requests whose variables are all declared: junk cannot enlarge its keys.
/// </summary>
public sealed class DeclaredVariablesRule : ValidationRuleBase
{
    private const int NamesShown = 3;
    private const int NameLengthShown = 40;

    /// <summary>The names of the variables <paramref name="operation"/> declares.</summary>
    public static IEnumerable<string> NamesDeclaredBy(GraphQLOperationDefinition operation) =>
        operation.Variables?.Items.Select(variable => variable.Variable.Name.StringValue) ?? [];

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var declared = NamesDeclaredBy(context.Operation).ToHashSet();
        var undeclared = context.Variables?.Keys.Where(name => !declared.Contains(name)).ToList() ?? [];
        if (undeclared.Count > 0)
        {
            // Names are echoed shortened: a junk request must not get its junk back.
            var shown = string.Join(", ", undeclared.Take(NamesShown).Select(name => "$" + (name.Length > NameLengthShown ? name[..NameLengthShown] + "…" : name)));
            var more = undeclared.Count > NamesShown ? $" and {undeclared.Count - NamesShown} more" : "";
            context.ReportError(new ValidationError($"The operation does not declare the variables sent as {shown}{more}; send only the variables it declares.")
            {
                Code = ErrorCodes.VariableNotDeclared,
            });
        }

        return default;
    }
}
