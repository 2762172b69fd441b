using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Hosting;

/// <summary>
/// A per-address budget of failed accesses: failed authentications (a malformed, unknown or revoked API key, a bad
/// JWT, a bad, expired or revoked preview token) and requests whose mutations were refused for want of credentials.
/// Once an address has spent it, its requests that present credentials are refused before they are checked, so
/// guessing costs no database lookups, and its refused mutations are answered 429 too.
/// </summary>
public sealed class FailedAccessLimiter(IOptions<HttpProtectionOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext>? _limiter = options.Value.FailedAuthenticationsPerMinute is > 0 and var perMinute
        // A fixed window, not a token bucket: a bucket refills by fractions, and a fraction would let the
        // zero-permit check below pass a request whose failure then cannot be paid for.
        ? PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
            HttpProtection.AddressOf(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }))
        : null;

    /// <summary>How long until the caller's address may fail again; null while it has failures left.</summary>
    public TimeSpan? Exhausted(HttpContext context) => Acquire(context, permits: 0);

    /// <summary>Spends one failure of the caller's address; null when it had one left, otherwise how long to wait.</summary>
    public TimeSpan? Spend(HttpContext context) => Acquire(context, permits: 1);

    public void Dispose() => _limiter?.Dispose();

    private TimeSpan? Acquire(HttpContext context, int permits)
    {
        if (_limiter is null)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(context, permits);
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait
            : TimeSpan.FromMinutes(1);
    }
}
