using System.Collections.Frozen;
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
    /// Which of <paramref name="fields"/> are selected anywhere below this field: at any depth, under any alias,
    /// through named and inline fragments. It over-approximates (a name counts under any type, whatever its
    /// directives or type conditions): a false find only costs a heavier read.
    /// </summary>
    public static IReadOnlySet<string> SelectedBelow(this IResolveFieldContext context, IReadOnlySet<string> fields)
    {
        // The executor merges the selections of fields sharing this field's response key into FieldAst.
        HashSet<string>? found = null;
        HashSet<string>? spread = null;
        Walk(context.FieldAst.SelectionSet);
        return found ?? (IReadOnlySet<string>)FrozenSet<string>.Empty;

        void Walk(GraphQLSelectionSet? set)
        {
            foreach (var selection in set?.Selections ?? [])
            {
                switch (selection)
                {
                    case GraphQLField field:
                        if (fields.Contains(field.Name.StringValue))
                        {
                            (found ??= []).Add(field.Name.StringValue);
                        }

                        Walk(field.SelectionSet);
                        break;
                    case GraphQLInlineFragment inline:
                        Walk(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread named when (spread ??= []).Add(named.FragmentName.Name.StringValue):
                        Walk(context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
                            .FirstOrDefault(f => f.FragmentName.Name.StringValue == named.FragmentName.Name.StringValue)?.SelectionSet);
                        break;
                }
            }
        }
    }
}
