using ContentHub.Server.Content;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.GraphQL.Caching;

/// <summary>
/// Serialized responses to anonymous queries, bounded by bytes, keyed by the content generation, the document,
/// the operation name and the variables. Only anonymous callers are served from it, so every entry shows
/// what anonymous readers may see (published content). Only answers without errors are kept, and a request with a
/// variable its operation does not declare is refused (<see cref="DeclaredVariablesRule"/>): every key holds
/// declared variables only.
/// </summary>
public sealed class ResponseCache(IOptions<ResponseCacheOptions> options, ContentChangeSignal changes, IGraphQLTextSerializer serializer, TimeProvider clock)
    : IDisposable
{
    /// <summary>What an entry takes besides its bytes and key: the cache's entry, the response record, the array and string headers, the entity tag.</summary>
    private const long EntryOverheadBytes = 512;

    private readonly ResponseCacheOptions _options = options.Value;
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = options.Value.SizeLimitBytes });
    private long _generation;

    /// <summary>Entries held now.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The key of <paramref name="request"/>'s response, or null when the cache is off or the variables cannot be
    /// written back as JSON (an infinity: 1e309). Take it before executing:
    /// a response computed while a write commits is then filed under the generation before that write, which no
    /// request asks for once the write has returned.
    /// </summary>
    public string? KeyFor(GraphQLRequest request)
    {
        if (!_options.Enabled)
        {
            return null;
        }

        var generation = changes.Generation;
        if (Interlocked.Exchange(ref _generation, generation) != generation)
        {
            // Every entry belongs to an older generation and can never be asked for again: free the memory now.
            _entries.Clear();
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
        return $"{generation}:{operation.Length}:{variables.Length}:{operation}{variables}{request.Query}";
    }

    public GraphQLResponseBody? Find(string key) =>
        _entries.TryGetValue(key, out GraphQLResponseBody? response) && !(response!.FreshUntil <= clock.GetUtcNow().UtcDateTime) ? response : null;

    /// <summary>Keeps <paramref name="response"/> unless it alone would take more than <see cref="ResponseCacheOptions.MaxEntryBytes"/>.</summary>
    public void Store(string key, GraphQLResponseBody response)
    {
        var size = response.Utf8.Length + (sizeof(char) * (long)key.Length) + EntryOverheadBytes;
        if (size > _options.MaxEntryBytes)
        {
            return;
        }

        _entries.Set(key, response, new MemoryCacheEntryOptions
        {
            Size = size,
            AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(_options.TimeToLiveSeconds),
        });
    }

    public void Dispose() => _entries.Dispose();
}
