using System.ComponentModel.DataAnnotations;

namespace ContentHub.Server.GraphQL.Caching;

/// <summary>The cache of anonymous read responses and the HTTP caching headers of GET answers. Bound from <c>GraphQL:ResponseCache</c>.</summary>
public sealed class ResponseCacheOptions
{
    public const string Section = "GraphQL:ResponseCache";

    /// <summary>Whether anonymous read responses are kept in memory.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Memory the cached responses (their UTF-8 bytes, keys and bookkeeping) may take.</summary>
    [Range(1_048_576, 16_000_000_000)]
    public long SizeLimitBytes { get; set; } = 64 * 1_048_576;

    /// <summary>The largest one response may take (counted as in <see cref="SizeLimitBytes"/>); larger ones are not kept, so no single answer crowds out the rest.</summary>
    [Range(1_024, 16_000_000_000)]
    public long MaxEntryBytes { get; set; } = 1_048_576;

    /// <summary>
    /// How long a response is kept. Writes through this server invalidate what they change at once; the time-to-live
    /// only bounds what the server cannot see: writes by another process.
    /// </summary>
    [Range(1, 86_400)]
    public int TimeToLiveSeconds { get; set; } = 60;

    /// <summary>
    /// <c>max-age</c> of GET answers to anonymous callers: how long browsers and shared caches may reuse them
    /// without asking (afterwards they revalidate with the ETag). 0 makes them revalidate every time.
    /// </summary>
    [Range(0, 86_400)]
    public int MaxAgeSeconds { get; set; } = 10;
}
