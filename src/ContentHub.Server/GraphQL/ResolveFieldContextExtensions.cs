using System.Collections.Frozen;
using GraphQL;
using GraphQLParser;
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
    /// through named and inline fragments. A name <c>parent.child</c> among them is found where <c>child</c> is
    /// selected directly under a field <c>parent</c> that is among them too. It over-approximates (a name counts
    /// under any type, whatever its directives or type conditions): a false find only costs a heavier read.
    /// </summary>
    public static IReadOnlySet<string> SelectedBelow(this IResolveFieldContext context, IReadOnlySet<string> fields)
    {
        // The executor merges the selections of fields sharing this field's response key into FieldAst.
        HashSet<string>? found = null;
        HashSet<(string Fragment, string? Parent)>? spread = null;
        Walk(context.FieldAst.SelectionSet, parent: null);
        return found ?? (IReadOnlySet<string>)FrozenSet<string>.Empty;

        // parent: the name of the field whose selection this is, when it is one of the fields looked for.
        void Walk(GraphQLSelectionSet? set, string? parent)
        {
            if (set is null)
            {
                return;
            }

            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var name = field.Name.StringValue;
                        var wanted = fields.Contains(name);
                        if (wanted)
                        {
                            (found ??= []).Add(name);
                        }

                        if (parent is not null && fields.Contains($"{parent}.{name}"))
                        {
                            (found ??= []).Add($"{parent}.{name}");
                        }

                        Walk(field.SelectionSet, wanted ? name : null);
                        break;
                    case GraphQLInlineFragment inline:
                        Walk(inline.SelectionSet, parent);
                        break;
                    case GraphQLFragmentSpread named:
                        // A fragment is walked once for each parent it is spread under.
                        if ((spread ??= []).Add((named.FragmentName.Name.StringValue, parent)))
                        {
                            Walk(context.Document.FindFragmentDefinition(named.FragmentName.Name)?.SelectionSet, parent);
                        }

                        break;
                }
            }
        }
    }
}
