using System.Collections.Frozen;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// Whether a document uses its variables only as whole position arguments (<c>after</c>, <c>before</c>: a cursor or
/// an id to continue from). No rule for cached documents reads a position — the cost and limit rules read
/// <c>first</c>, <c>last</c>, <c>id</c> and filters — so such a document, once valid, is valid for every value of
/// them, and a page-by-page client does not pay for its validation walks on every page.
/// </summary>
public static class PositionVariables
{
    private static readonly FrozenSet<string> s_arguments = FrozenSet.Create(StringComparer.Ordinal, "after", "before");

    public static async ValueTask<bool> OnlyAsPositionsAsync(GraphQLDocument document)
    {
        var uses = new Uses();
        await new UseFinder().VisitAsync(document, uses);
        return !uses.Elsewhere;
    }

    private sealed class Uses : IASTVisitorContext
    {
        public bool Elsewhere { get; set; }

        public CancellationToken CancellationToken => CancellationToken.None;
    }

    private sealed class UseFinder : ASTVisitor<Uses>
    {
        // A declaration is not a use (its default value holds no variable).
        protected override ValueTask VisitVariableDefinitionAsync(GraphQLVariableDefinition variableDefinition, Uses context) => default;

        protected override ValueTask VisitArgumentAsync(GraphQLArgument argument, Uses context) =>
            argument.Value is GraphQLVariable && s_arguments.Contains(argument.Name.StringValue) ? default : base.VisitArgumentAsync(argument, context);

        protected override ValueTask VisitVariableAsync(GraphQLVariable variable, Uses context)
        {
            context.Elsewhere = true;
            return default;
        }
    }
}
