using ContentHub.Server.Access;
using ContentHub.Server.Content;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ContentHub.Server.GraphQL.Caching;

/// <summary>
/// HTTP caching of GET answers: an ETag on every successful one, <c>Cache-Control</c> by who asked, the keys of what a
/// shareable one read as <c>Surrogate-Key</c>s (for purging a CDN by tag), and 304 for a client whose copy is current.
/// POST answers get none: HTTP caches do not reuse them, and a POST client cannot send a conditional request for a
/// body it posts.
/// </summary>
public sealed class HttpCacheHeaders(IOptions<ResponseCacheOptions> options, TimeProvider clock)
{
    public const string SurrogateKey = "Surrogate-Key";

    /// <summary>
    /// The most keys one answer names. Beyond it (long lists) each item key gives way to its collection's key, which
    /// every write that changes a published item changes too.
    /// </summary>
    public const int MaxSurrogateKeys = 64;

    /// <summary>Sets the headers; true when the client's copy matches and the answer is a 304 without a body.</summary>
    public bool AnswerNotModified(HttpContext context, GraphQLResponseBody response)
    {
        var headers = context.Response.Headers;
        headers.ETag = response.ETag;
        headers.CacheControl = response.Shareable ? $"public, max-age={MaxAge(response)}"
            : context.User.Identity?.IsAuthenticated == true ? "private, no-store"
            : "no-store";
        headers.Append(HeaderNames.Vary, $"Accept, Authorization, {PreviewTokens.Header}");
        if (response.Shareable && response.DependsOn is { Count: > 0 } keys)
        {
            headers[SurrogateKey] = string.Join(' ', Bounded(keys).Order(StringComparer.Ordinal));
        }

        var etag = new EntityTagHeaderValue(response.ETag);
        if (!context.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status304NotModified;
        return true;
    }

    private static IEnumerable<string> Bounded(IReadOnlyCollection<string> keys) =>
        keys.Count <= MaxSurrogateKeys
            ? keys
            : keys.Select(key => key.Split(':') is [var type, _] ? ContentKeys.Collection(type) : key).Distinct(StringComparer.Ordinal);

    private int MaxAge(GraphQLResponseBody response) => response.FreshUntil is { } until
        ? (int)Math.Clamp(Math.Ceiling((until - clock.GetUtcNow().UtcDateTime).TotalSeconds), 0, options.Value.MaxAgeSeconds)
        : options.Value.MaxAgeSeconds;
}
