using GraphQL;
using GraphQL.Introspection;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// Adds what graphql-js's introspection query asks for with every option on and GraphQL.NET 8 has no switch for:
/// <c>__Type.specifiedByURL</c> and <c>includeDeprecated</c> on <c>__Directive.args</c>. Applied to the
/// introspection types before the schema initialises them.
/// </summary>
public static class IntrospectionCompletion
{
    private const string IncludeDeprecated = "includeDeprecated";

    public static void Complete(IGraphType type)
    {
        if (type is __Type typeType && !typeType.HasField("specifiedByURL"))
        {
            typeType.Field<StringGraphType>("specifiedByURL")
                .Description("The URL of the specification a custom scalar follows; none of this schema's scalars names one.")
                .Resolve(_ => null);
        }
        else if (type is __Directive directiveType && directiveType.GetField("args") is { } args && args.Arguments?.Find(IncludeDeprecated) is null)
        {
            args.Arguments ??= [];
            args.Arguments.Add(new QueryArgument<BooleanGraphType> { Name = IncludeDeprecated, DefaultValue = false });
            args.Resolver = new FuncFieldResolver<Directive, IEnumerable<QueryArgument>>(context =>
            {
                var includeDeprecated = context.GetArgument<bool>(IncludeDeprecated);
                return ((IEnumerable<QueryArgument>?)context.Source.Arguments ?? []).Where(argument => includeDeprecated || string.IsNullOrWhiteSpace(argument.DeprecationReason));
            });
        }
    }
}
