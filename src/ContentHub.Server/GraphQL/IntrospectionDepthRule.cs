using ContentHub.Server.Content;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// Refuses introspection that nests the schema's list fields (<c>fields</c>, <c>interfaces</c>,
/// <c>possibleTypes</c>, <c>inputFields</c>) three deep, e.g. <c>types { fields { type { fields { type { fields …</c>:
/// each level multiplies the answer by the schema's size. graphql-js's <c>MaxIntrospectionDepthRule</c> (16.15),
/// ported as it is, so the standard introspection queries of IDEs and code generators (one level) pass.
/// </summary>
public sealed class IntrospectionDepthRule : ValidationRuleBase
{
    private const int MaxListDepth = 3;
    private static readonly string[] s_listFields = ["fields", "interfaces", "possibleTypes", "inputFields"];

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var check = new DepthCheck(context.Document);
        return new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            if ((field.Name.Value == "__schema" || field.Name.Value == "__type") && check.TooDeep(field))
            {
                validation.ReportError(new ValidationError(validation.Document.Source, ErrorCodes.IntrospectionTooDeep,
                    $"The introspection query nests fields, interfaces, possibleTypes or inputFields {MaxListDepth} levels deep; at most {MaxListDepth - 1} are answered.",
                    field) { Code = ErrorCodes.IntrospectionTooDeep });
            }
        }));
    }

    /// <summary>
    /// Depths count list fields passed on the way down. What is known about a fragment is kept for the whole
    /// document, by the depth it was entered at: so a fragment spread many times is not walked many times.
    /// </summary>
    private sealed class DepthCheck(GraphQLDocument document)
    {
        // The greatest entry depth at which a fragment stayed within the limit, and the smallest at which it reached it.
        private readonly Dictionary<string, int> _passedAt = [];
        private readonly Dictionary<string, int> _exceededAt = [];

        public bool TooDeep(GraphQLField root) => TooDeep(root, [], 0);

        // enteredAt: the greatest depth each fragment was entered at during this root's check, including checks under way.
        private bool TooDeep(ASTNode node, Dictionary<string, int> enteredAt, int depth)
        {
            if (node is GraphQLFragmentSpread spread)
            {
                var name = spread.FragmentName.Name.StringValue;
                if (_exceededAt.TryGetValue(name, out var exceeded) && exceeded <= depth)
                {
                    return true;
                }

                // Entered no deeper already: a cycle (refused by its own rule) or a check that passed.
                if ((enteredAt.TryGetValue(name, out var entered) && entered >= depth) || (_passedAt.TryGetValue(name, out var passed) && passed >= depth)
                    || document.FindFragmentDefinition(name) is not { } fragment)
                {
                    return false;
                }

                enteredAt[name] = depth;
                if (TooDeep(fragment, enteredAt, depth))
                {
                    _exceededAt[name] = depth;
                    return true;
                }

                _passedAt[name] = depth;
                return false;
            }

            if (node is GraphQLField field && s_listFields.Any(name => field.Name.Value == name) && ++depth >= MaxListDepth)
            {
                return true;
            }

            return node is IHasSelectionSetNode { SelectionSet: { } selectionSet }
                && selectionSet.Selections.Any(selection => TooDeep(selection, enteredAt, depth));
        }
    }
}
