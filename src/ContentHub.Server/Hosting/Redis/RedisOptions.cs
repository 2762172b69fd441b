using System.ComponentModel.DataAnnotations;

namespace ContentHub.Server.Hosting.Redis;

/// <summary>
/// How the nodes use the Redis that <c>ConnectionStrings:Redis</c> names (nothing of it is used without that
/// connection string). Bound from <c>Caching:Redis</c> and validated at start-up.
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "Caching:Redis";

    public const string ConnectionStringName = "Redis";

    /// <summary>Put before every key this site writes, so several sites (or test runs) can share one Redis.</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9_.:\-]{1,64}$")]
    public string Prefix { get; set; } = "contenthub:";

    /// <summary>
    /// How long one Redis call (and a connection attempt) may take before the node stops waiting and answers
    /// uncached: a slow Redis must not make a slow site.
    /// </summary>
    [Range(50, 30_000)]
    public int TimeoutMilliseconds { get; set; } = 1000;
}
