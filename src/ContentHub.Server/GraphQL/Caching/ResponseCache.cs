using ContentHub.Server.Content;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.GraphQL.Caching;

/// <summary>
/// Serialized responses to anonymous queries, bounded by bytes, keyed by the document, the operation name and the
/// variables, each kept with the stamp taken before it was computed and the keys of what it read; an answer is served
/// only while none of those keys has changed since (<see cref="IContentChanges"/>). Only anonymous callers are
/// served from it, so every entry shows what anonymous readers may see (published content). Only answers without
/// errors are kept, and a request with a variable its operation does not declare is refused
/// (<see cref="DeclaredVariablesRule"/>): every key holds declared variables only.
/// </summary>
public sealed class ResponseCache(
    IOptions<ResponseCacheOptions> options, IContentChanges changes, IGraphQLTextSerializer serializer, ResponseCacheMetrics metrics, TimeProvider clock)
    : IDisposable
{
    /// <summary>What an entry takes besides its bytes and key: the cache's entry, the response record, the array and string headers, the entity tag.</summary>
    private const long EntryOverheadBytes = 512;

    private readonly ResponseCacheOptions _options = options.Value;
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = options.Value.SizeLimitBytes });

    /// <summary>Entries held now.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The key of <paramref name="request"/>'s response, or null when the cache is off or the variables cannot be
    /// written back as JSON (an infinity: 1e309).
    /// </summary>
    public string? KeyFor(GraphQLRequest request)
    {
        if (!_options.Enabled)
        {
            return null;
        }

        string variables;
        try
        {
            variables = request.Variables is null ? "" : serializer.Serialize(request.Variables);
        }
        catch (ArgumentException)
        {
            return null;
        }

        // Lengths first, so no operation name or variables can run into the next part and collide with another request.
        var operation = request.OperationName ?? "";
        return $"{operation.Length}:{variables.Length}:{operation}{variables}{request.Query}";
    }

    /// <summary>Where the content stands before a request runs: the stamp its answer is kept with; null when it must not be kept.</summary>
    public ValueTask<long?> StampAsync(CancellationToken cancellationToken) => changes.StampAsync(cancellationToken);

    /// <summary>The kept answer to <paramref name="key"/>, unless what it read has changed since it was computed, or that cannot be known now.</summary>
    public async ValueTask<GraphQLResponseBody?> FindAsync(string key, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(key, out CachedAnswer? answer))
        {
            metrics.Miss();
            return null;
        }

        if (answer!.Response.FreshUntil <= clock.GetUtcNow().UtcDateTime)
        {
            metrics.Stale();
            return null;
        }

        switch (await changes.ChangedSinceAsync(answer.Stamp, answer.DependsOn, cancellationToken))
        {
            case false:
                metrics.Hit();
                return answer.Response;
            case true:
                metrics.Stale();
                _entries.Remove(key);
                return null;
            default:
                metrics.Stale();
                return null;
        }
    }

    /// <summary>
    /// Keeps <paramref name="response"/>, computed after <paramref name="stamp"/> was taken and having read
    /// <paramref name="dependsOn"/>, unless it alone would take more than <see cref="ResponseCacheOptions.MaxEntryBytes"/>.
    /// </summary>
    public void Store(string key, long stamp, IReadOnlyCollection<string> dependsOn, GraphQLResponseBody response)
    {
        var size = response.Utf8.Length + (sizeof(char) * ((long)key.Length + dependsOn.Sum(k => (long)k.Length))) + EntryOverheadBytes;
        if (size > _options.MaxEntryBytes)
        {
            return;
        }

        _entries.Set(key, new CachedAnswer(response, stamp, dependsOn), new MemoryCacheEntryOptions
        {
            Size = size,
            AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(_options.TimeToLiveSeconds),
        });
    }

    public void Dispose() => _entries.Dispose();

    private sealed record CachedAnswer(GraphQLResponseBody Response, long Stamp, IReadOnlyCollection<string> DependsOn);
}
