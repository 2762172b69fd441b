using System.ComponentModel.DataAnnotations;

namespace ContentHub.Server.GraphQL.PersistedQueries;

/// <summary>Apollo's automatic persisted queries. Bound from <c>GraphQL:PersistedQueries</c>.</summary>
public sealed class PersistedQueryOptions
{
    public const string Section = "GraphQL:PersistedQueries";

    public bool Enabled { get; set; } = true;

    /// <summary>Characters of query text the store keeps; the least recently used go first.</summary>
    [Range(10_000, 1_000_000_000)]
    public int CapacityInCharacters { get; set; } = 2_000_000;
}
