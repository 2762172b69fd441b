using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ContentHub.Server.Content;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Serialization.SystemTextJson;

namespace ContentHub.Server.GraphQL.Caching;

/// <summary>
/// Serialized responses to anonymous queries, bounded by bytes, keyed by the document, the operation name and the
/// variables, each kept with the stamp taken before it was computed and the keys of what it read; an answer is served
/// only while none of those keys has changed since (<see cref="IContentChanges"/>). Only anonymous callers are
/// served from it, so every entry shows what anonymous readers may see (published content). Only answers without
/// errors are kept, and a request with a variable its operation does not declare is refused
/// (<see cref="DeclaredVariablesRule"/>): every key holds declared variables only.
/// </summary>
/// <remarks>
/// FusionCache keeps the answers in this node's memory and, with a <see cref="SharedResponseStore"/>, in Redis too,
/// and runs one computation per key at a time on a node: the readers who miss the same answer at once (right after a
/// write) wait for it instead of each running the query. Every answer it hands back, from either level or from another
/// reader's computation, is checked as above before it is served.
/// </remarks>
public sealed class ResponseCache : IDisposable
{
    /// <summary>What an entry takes besides its bytes and key: the cache's entries, the records, the array and string headers, the entity tag.</summary>
    internal const long EntryOverheadBytes = 768;

    private readonly ResponseCacheOptions _options;
    private readonly IContentChanges _changes;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly ResponseCacheMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly MemoryCache _memory;
    private readonly FusionCache _answers;

    public ResponseCache(
        IOptions<ResponseCacheOptions> options,
        IContentChanges changes,
        IGraphQLTextSerializer serializer,
        ResponseCacheMetrics metrics,
        TimeProvider clock,
        ILogger<FusionCache> logger,
        SharedResponseStore? shared = null)
    {
        _options = options.Value;
        _changes = changes;
        _serializer = serializer;
        _metrics = metrics;
        _clock = clock;
        _memory = new MemoryCache(new MemoryCacheOptions { SizeLimit = _options.SizeLimitBytes, TrackStatistics = true });
        metrics.Observe(() => _memory.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0, () => _memory.Count);
        _answers = new FusionCache(
            new FusionCacheOptions
            {
                // Stryker disable once String : the name shows only in FusionCache's own logs
                CacheName = "responses",
                CacheKeyPrefix = "responses:",
                DisableTagging = true,
                // Redis unreachable: stop asking it for a while rather than wait on every request.
                DistributedCacheCircuitBreakerDuration = TimeSpan.FromSeconds(2),
                // Its loss is logged once by the connection; a failed query is logged by the GraphQL pipeline.
                DistributedCacheErrorsLogLevel = LogLevel.Debug,
                FactoryErrorsLogLevel = LogLevel.Debug,
                DefaultEntryOptions = new FusionCacheEntryOptions
                {
                    // How long this node keeps a copy of an answer another node computed.
                    Duration = TimeSpan.FromSeconds(_options.TimeToLiveSeconds),
                    IsFailSafeEnabled = false,
                    ReThrowSerializationExceptions = false,
                },
            },
            _memory,
            logger);
        _answers.Events.Memory.Eviction += (_, evicted) => metrics.Evicted(evicted.Reason);
        if (shared is not null)
        {
            _answers.SetupDistributedCache(shared.Cache, new FusionCacheSystemTextJsonSerializer());
        }
    }

    /// <summary>
    /// Computes an answer in an array of its own (it is shared and kept); a shareable one names what it read
    /// (<see cref="GraphQLResponseBody.DependsOn"/>).
    /// </summary>
    public delegate Task<GraphQLResponseBody> Compute(CancellationToken cancellationToken);

    /// <summary>Entries held in this node's memory now.</summary>
    public int Count => _memory.Count;

    /// <summary>
    /// The key of <paramref name="request"/>'s response (a hash of the document, the operation name and the variables),
    /// or null when the cache is off or the variables cannot be written back as JSON (an infinity: 1e309).
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
            variables = _serializer.Serialize(request.Variables);
        }
        catch (ArgumentException)
        {
            return null;
        }

        // Lengths first, so no operation name or variables can run into the next part and collide with another request.
        // Stryker disable once String : no operation name can read "Stryker was here!" (names have no spaces)
        var operation = request.OperationName ?? "";
        var key = $"{operation.Length}:{variables.Length}:{operation}{variables}{request.Query}";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>Where the content stands before a request runs: the stamp its answer is kept with; null when it must not be kept.</summary>
    public ValueTask<long?> StampAsync(CancellationToken cancellationToken) => _changes.StampAsync(cancellationToken);

    /// <summary>
    /// The answer to <paramref name="key"/> for a request that arrived at <paramref name="stamp"/>: a kept one, unless what
    /// it read has changed since it was computed, or else the one <paramref name="compute"/> makes (kept for the next
    /// callers when it is shareable and not larger than <see cref="ResponseCacheOptions.MaxEntryBytes"/>).
    /// </summary>
    public async Task<GraphQLResponseBody> GetOrComputeAsync(string key, long stamp, Compute compute, CancellationToken cancellationToken)
    {
        // A second round only after a stale answer was removed; a third stale one is not worth another wait.
        for (var round = 0; round < 2; round++)
        {
            var computedHere = false;
            var answer = await _answers.GetOrSetAsync<CachedAnswer>(key, async (context, token) =>
            {
                computedHere = true;
                var response = await compute(token);
                if (response.Lease is not null)
                {
                    // Every request waiting for this key gets the same answer, and the cache keeps it.
                    throw new InvalidOperationException("An answer computed for the response cache must own its bytes, not lie in a pooled block.");
                }

                var computed = new CachedAnswer(response, stamp);
                if (Lifetime(key, computed) is { } lifetime)
                {
                    context.Options.Size = lifetime.Size;
                    context.Options.Duration = lifetime.Duration;
                }
                else
                {
                    context.Options.SkipMemoryCacheWrite = true;
                    context.Options.SkipDistributedCacheWrite = true;
                }

                return computed;
            }, token: cancellationToken);

            if (computedHere)
            {
                if (round == 0)
                {
                    _metrics.Miss(); // in the second round, the stale answer replaced was counted already
                }

                return answer.Response;
            }

            switch (await IsCurrentAsync(answer, stamp, cancellationToken))
            {
                case true:
                    _metrics.Hit();
                    return answer.Response;
                case false:
                    _metrics.Stale();
                    await _answers.RemoveAsync(key, token: cancellationToken);
                    continue;
            }

            break;
        }

        _metrics.Stale();
        return await compute(cancellationToken);
    }

    // Stryker disable all : each disposed object refuses use, so nothing a caller sees tells which of them was disposed
    public void Dispose()
    {
        _answers.Dispose();
        _memory.Dispose();
    }

    // Stryker restore all

    /// <summary>
    /// Whether <paramref name="answer"/> may be served to a request that arrived at <paramref name="stamp"/>: computed
    /// after that, or nothing it read has changed since it was computed; null when that cannot be known now.
    /// </summary>
    private async ValueTask<bool?> IsCurrentAsync(CachedAnswer answer, long stamp, CancellationToken cancellationToken) =>
        answer.Response.FreshUntil <= _clock.GetUtcNow().UtcDateTime ? false
        : answer.Stamp >= stamp ? true
        : await _changes.ChangedSinceAsync(answer.Stamp, answer.Response.DependsOn ?? [], cancellationToken) is { } changed ? !changed
        : null;

    /// <summary>How much memory the answer takes and how long it may be kept; null when it is not kept.</summary>
    private (long Size, TimeSpan Duration)? Lifetime(string key, CachedAnswer answer)
    {
        var response = answer.Response;
        var size = response.Utf8.Length + (sizeof(char) * ((long)key.Length + (response.DependsOn?.Sum(k => (long)k.Length) ?? 0))) + EntryOverheadBytes;
        var duration = TimeSpan.FromSeconds(_options.TimeToLiveSeconds);
        if (response.FreshUntil is { } until)
        {
            var left = until - _clock.GetUtcNow().UtcDateTime;
            duration = TimeSpan.FromTicks(Math.Min(left.Ticks, duration.Ticks));
        }

        // Not kept at all rather than kept for no time: FusionCache would delete the key in both levels, another node's answer too.
        return response.Shareable && size <= _options.MaxEntryBytes && duration > TimeSpan.Zero ? (size, duration) : null;
    }

    /// <summary>A kept answer and the stamp taken before it was computed.</summary>
    public sealed record CachedAnswer(GraphQLResponseBody Response, long Stamp);
}
