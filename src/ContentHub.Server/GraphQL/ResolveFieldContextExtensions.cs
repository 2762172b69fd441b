using GraphQL;
using GraphQLParser.AST;

namespace ContentHub.Server.GraphQL;

public static class ResolveFieldContextExtensions
{
    /// <summary>The request-scoped service of the HTTP request being answered (loaders live there).</summary>
    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();

    /// <summary>Whether the query selected <paramref name="field"/> directly under this field (under any alias), e.g. <c>totalCount</c>.</summary>
    public static bool Selects(this IResolveFieldContext context, string field) =>
        context.SubFields?.Values.Any(selected => selected.Field.Name.Value == field) == true;

    /// <summary>
    /// Whether any of <paramref name="fields"/> is selected anywhere below this field: at any depth, under any alias,
    /// through named and inline fragments. It over-approximates (a name counts under any type, whatever its
    /// directives or type conditions): a false yes only costs a heavier read.
    /// </summary>
    public static bool SelectsAnywhere(this IResolveFieldContext context, IReadOnlySet<string> fields)
    {
        // The executor merges the selections of fields sharing this field's response key into FieldAst.
        HashSet<string>? spread = null;
        return Selects(context.FieldAst.SelectionSet);

        bool Selects(GraphQLSelectionSet? set)
        {
            foreach (var selection in set?.Selections ?? [])
            {
                var found = selection switch
                {
                    GraphQLField field => fields.Contains(field.Name.StringValue) || Selects(field.SelectionSet),
                    GraphQLInlineFragment inline => Selects(inline.SelectionSet),
                    GraphQLFragmentSpread named => (spread ??= []).Add(named.FragmentName.Name.StringValue)
                        && Selects(Fragment(named.FragmentName.Name.StringValue)?.SelectionSet),
                    _ => false,
                };
                if (found)
                {
                    return true;
                }
            }

            return false;
        }

        GraphQLFragmentDefinition? Fragment(string name) =>
            context.Document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name.StringValue == name);
    }
}
