using ContentHub.Server.Content;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;

namespace ContentHub.Server.GraphQL.Caching;

/// <summary>
/// What an executed answer depends on, read from its result tree for every content type alike: each item it shows
/// (<c>article:42</c>), and the collection (<c>articles</c>) of each list or connection of items it holds (even empty),
/// of each item it expected and did not find, and of each root field that picks items rather than looking one up by
/// what names it (<c>randomFact</c>, <c>categories</c>). Reads that show no item (a slug resolution) name their keys
/// themselves (<see cref="ResponseCachePolicy.Read"/>).
/// </summary>
public static class AnswerDependencies
{
    private const string LookupKey = "ContentHub.Lookup";

    /// <summary>
    /// Declares a root field that finds one item by its id or slug: its answer depends on the item it returns, or on
    /// the collection when it finds none, not on the collection of every other item.
    /// </summary>
    public static FieldType LooksUpOneItem(this FieldType field) => field.WithMetadata(LookupKey, true);

    /// <summary>Adds what <paramref name="result"/>'s data read to <paramref name="policy"/>.</summary>
    public static void Collect(ExecutionResult result, ResponseCachePolicy policy)
    {
        if (result.Data is ExecutionNode root)
        {
            Visit(root, policy);
        }
    }

    private static void Visit(ExecutionNode node, ResponseCachePolicy policy)
    {
        if (node is ValueExecutionNode)
        {
            return;
        }

        if (node.Result is { } value && ContentKeys.IsContent(value.GetType()))
        {
            policy.Read(ContentKeys.Item(value));
        }

        // A list or a connection of items, an item expected but not found, or a root field picking items.
        var listed = node switch
        {
            ArrayExecutionNode => ContentTypeOf(node.GraphType),
            { Result: null } => ContentTypeOf(node.GraphType),
            { Result: { } connection } when GenericArgument(connection.GetType(), typeof(Connection<,>)) is { } item && ContentKeys.IsContent(item) => item,
            _ when node.Parent is RootExecutionNode && node.FieldDefinition?.GetMetadata(LookupKey, false) != true => ContentTypeOf(node.GraphType),
            _ => null,
        };
        if (listed is not null)
        {
            policy.Read(ContentKeys.Collection(listed));
        }

        // Each kind walked as what it is: through IEnumerable every node would allocate an enumerator.
        switch (node)
        {
            case ObjectExecutionNode { SubFields: { } fields }:
                foreach (var child in fields)
                {
                    Visit(child, policy);
                }

                break;
            case ArrayExecutionNode { Items: { } items }:
                foreach (var child in items)
                {
                    Visit(child, policy);
                }

                break;
        }
    }

    /// <summary>The content type whose items <paramref name="graphType"/> shows, if it shows content.</summary>
    private static Type? ContentTypeOf(IGraphType? graphType)
    {
        while (graphType is IProvideResolvedType wrapper)
        {
            graphType = wrapper.ResolvedType;
        }

        return graphType is null ? null
            : GenericArgument(graphType.GetType(), typeof(ComplexGraphType<>)) is { } source && ContentKeys.IsContent(source) ? source
            : null;
    }

    private static Type? GenericArgument(Type? type, Type definition)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == definition)
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }
}
