using GraphQL.Types.Relay.DataObjects;

namespace ContentHub.Server.Content;

/// <summary>
/// An edge of a keyset page that encodes its cursor only when asked (<see cref="KeysetEdgeType{TNodeType}"/>): most
/// queries select no edge's cursor, and encoding one costs four strings.
/// </summary>
public sealed class KeysetEdge<T, TKey>(string sort, TKey key, int id) : Edge<T>, IKeysetEdge
{
    public string EncodedCursor => Cursor ??= new KeysetCursor(sort, KeysetPaging.FormatKey(key), id).Encode();
}

/// <summary>An edge whose cursor is encoded on demand.</summary>
public interface IKeysetEdge
{
    string EncodedCursor { get; }
}
