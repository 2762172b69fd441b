using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.GraphQL.PersistedQueries;

/// <summary>Query texts registered by clients through automatic persisted queries, by SHA-256 hash, bounded by characters.</summary>
public sealed class ApqStore(IOptions<PersistedQueryOptions> options) : IDisposable
{
    private readonly MemoryCache _queries = new(new MemoryCacheOptions { SizeLimit = options.Value.CapacityInCharacters });

    public string? Find(string hash) => _queries.TryGetValue(hash, out string? query) ? query : null;

    public void Add(string hash, string query) =>
        _queries.Set(hash, query, new MemoryCacheEntryOptions { Size = query.Length, SlidingExpiration = TimeSpan.FromDays(1) });

    public void Dispose() => _queries.Dispose();
}
