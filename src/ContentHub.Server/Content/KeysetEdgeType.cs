using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace ContentHub.Server.Content;

/// <summary>The edge type of the connections paged by <see cref="KeysetPaging"/>: its <c>cursor</c> is encoded when selected.</summary>
public sealed class KeysetEdgeType<TNodeType> : EdgeType<TNodeType>
    where TNodeType : IGraphType
{
    public KeysetEdgeType()
    {
        GetField("cursor")!.Resolver = new FuncFieldResolver<string>(context => ((IKeysetEdge)context.Source!).EncodedCursor);
    }
}
