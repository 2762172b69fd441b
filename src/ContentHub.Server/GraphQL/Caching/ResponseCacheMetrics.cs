using System.Diagnostics.Metrics;

namespace ContentHub.Server.GraphQL.Caching;

/// <summary>
/// How anonymous queries fared at the response cache, as the counters <c>contenthub.response_cache.hits</c> (served
/// from it), <c>.misses</c> (nothing kept) and <c>.stale</c> (an answer was kept, but what it read has changed since,
/// its time ran out, or that could not be told). The hit rate is hits / (hits + misses + stale).
/// </summary>
public sealed class ResponseCacheMetrics(IMeterFactory meters)
{
    public const string MeterName = "ContentHub.ResponseCache";
    public const string HitsName = "contenthub.response_cache.hits";
    public const string MissesName = "contenthub.response_cache.misses";
    public const string StaleName = "contenthub.response_cache.stale";

    private readonly Counter<long> _hits = meters.Create(MeterName).CreateCounter<long>(HitsName, description: "Anonymous queries answered from the response cache.");
    private readonly Counter<long> _misses = meters.Create(MeterName).CreateCounter<long>(MissesName, description: "Anonymous queries with no answer kept.");
    private readonly Counter<long> _stale = meters.Create(MeterName).CreateCounter<long>(StaleName, description: "Anonymous queries whose kept answer was out of date.");

    public void Hit() => _hits.Add(1);

    public void Miss() => _misses.Add(1);

    public void Stale() => _stale.Add(1);
}
