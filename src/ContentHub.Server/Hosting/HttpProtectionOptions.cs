using System.ComponentModel.DataAnnotations;

namespace ContentHub.Server.Hosting;

/// <summary>Protection of the HTTP surface. Bound from the <c>Http</c> section and validated at start-up.</summary>
public sealed class HttpProtectionOptions
{
    public const string Section = "Http";

    /// <summary>Origins of the front ends allowed to call the API from a browser; none by default.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>A request still running after this many seconds is cancelled, database work included.</summary>
    [Range(1, 3600)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Thread-pool threads ready before the pool starts growing (by about one a second). Parsing and validating
    /// hostile documents is synchronous work; with the default (one per core) it queues ordinary requests behind it.
    /// </summary>
    [Range(1, 1024)]
    public int MinWorkerThreads { get; set; } = 64;

    /// <summary>Requests per second each client address may make, on average.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPerSecond { get; set; } = 100;

    /// <summary>Requests a client may make at once (the bucket's size, refilled at the average rate); 0 turns rate limiting off.</summary>
    [Range(0, 1_000_000)]
    public int RateLimitBurst { get; set; } = 200;

    /// <summary>
    /// Failed authentications (and requests whose mutations were refused for want of credentials) each client address
    /// may have a minute; past it, requests from there that present credentials get 429 without being checked. 0 turns it off.
    /// </summary>
    [Range(0, 1_000_000)]
    public int FailedAuthenticationsPerMinute { get; set; } = 30;
}
