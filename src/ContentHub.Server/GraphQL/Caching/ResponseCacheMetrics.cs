using System.Diagnostics.Metrics;
using Microsoft.Extensions.Caching.Memory;

namespace ContentHub.Server.GraphQL.Caching;

/// <summary>
/// How anonymous queries fared at the response cache, as the counters <c>contenthub.response_cache.hits</c> (served
/// from it), <c>.misses</c> (nothing kept) and <c>.stale</c> (an answer was kept, but what it read has changed since,
/// its time ran out, or that could not be told). The hit rate is hits / (hits + misses + stale). Besides,
/// <c>.evictions</c> counts answers leaving this node's memory by <c>reason</c> (<c>Capacity</c>: crowded out by the size
/// limit; <c>Expired</c>, <c>Removed</c>, <c>Replaced</c>), and the gauges <c>.bytes</c> and <c>.entries</c> show what it holds.
/// </summary>
public sealed class ResponseCacheMetrics(IMeterFactory meters)
{
    public const string MeterName = "ContentHub.ResponseCache";
    public const string HitsName = "contenthub.response_cache.hits";
    public const string MissesName = "contenthub.response_cache.misses";
    public const string StaleName = "contenthub.response_cache.stale";
    public const string EvictionsName = "contenthub.response_cache.evictions";
    public const string BytesName = "contenthub.response_cache.bytes";
    public const string EntriesName = "contenthub.response_cache.entries";

    private readonly Counter<long> _hits = meters.Create(MeterName).CreateCounter<long>(HitsName, description: "Anonymous queries answered from the response cache.");
    private readonly Counter<long> _misses = meters.Create(MeterName).CreateCounter<long>(MissesName, description: "Anonymous queries with no answer kept.");
    private readonly Counter<long> _stale = meters.Create(MeterName).CreateCounter<long>(StaleName, description: "Anonymous queries whose kept answer was out of date.");

    private readonly Counter<long> _evictions = meters.Create(MeterName).CreateCounter<long>(EvictionsName, description: "Answers that left this node's memory, by reason.");

    public void Hit() => _hits.Add(1);

    public void Miss() => _misses.Add(1);

    public void Stale() => _stale.Add(1);

    public void Evicted(EvictionReason reason) => _evictions.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));

    /// <summary>Reports what the cache's memory holds, read whenever metrics are collected.</summary>
    public void Observe(Func<long> bytes, Func<long> entries)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge(BytesName, bytes, "By", "Memory the kept answers take, as the size limit counts it.");
        meter.CreateObservableGauge(EntriesName, entries, "{entry}", "Answers kept in this node's memory.");
    }
}
