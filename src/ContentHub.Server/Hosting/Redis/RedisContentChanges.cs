using ContentHub.Server.Content;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ContentHub.Server.Hosting.Redis;

/// <summary>
/// The writes of every node sharing one Redis: one hash holds a counter (the stamp) and, per dependency key, the stamp
/// of its last change. A write's keys are recorded by one script (count up, mark each key) that has finished before
/// the write is acknowledged, and every cached answer is checked against the hash before it is served, on whichever
/// node: nothing read before an acknowledged write is served after it. A notification sent to the other nodes (a
/// backplane) would arrive some time after the acknowledgement, and a read in between would see the old answer.
/// </summary>
/// <remarks>
/// When Redis is unreachable, stamps and checks are unknowable (null): answers are computed and not cached. A write
/// that could not be recorded is remembered, and recorded as a change of everything before this node serves or keeps
/// anything again. When the hash is gone (Redis restarted empty, flushed), the first script to run starts a new
/// counter at Redis's clock in microseconds, above every stamp handed out before, and marks everything changed then.
/// </remarks>
public sealed class RedisContentChanges : IContentChanges
{
    /// <summary>Starts the counter when the hash is missing; leaves the current stamp in <c>stamp</c>.</summary>
    private const string Start = """
        local stamp = redis.call('HGET', KEYS[1], '#')
        if stamp then
          stamp = tonumber(stamp)
        else
          local now = redis.call('TIME')
          stamp = string.format('%d', now[1] * 1000000 + now[2])
          redis.call('HSET', KEYS[1], '#', stamp, '*', stamp)
          stamp = tonumber(stamp)
        end
        """;

    private static readonly string s_stamp = Start + "\nreturn stamp";

    private static readonly string s_changedSince = Start + """

        local since = tonumber(ARGV[1])
        local changed = redis.call('HMGET', KEYS[1], unpack(ARGV, 2))
        for i = 1, #changed do
          if changed[i] and tonumber(changed[i]) > since then
            return 1
          end
        end
        return 0
        """;

    private static readonly string s_changed = Start + """

        stamp = redis.call('HINCRBY', KEYS[1], '#', 1)
        local text = string.format('%d', stamp)
        for i = 1, #ARGV do
          redis.call('HSET', KEYS[1], ARGV[i], text)
        end
        return stamp
        """;

    private readonly RedisConnection _redis;
    private readonly ILogger<RedisContentChanges> _logger;
    private readonly RedisKey _hash;
    private readonly int _timeout;

    /// <summary>Writes not recorded in Redis yet; above zero, nothing is served or kept until everything is marked changed.</summary>
    private long _unrecorded;

    /// <summary>
    /// Until when (<see cref="Environment.TickCount64"/>) Redis is not asked after a call failed: a Redis that hangs
    /// instead of refusing costs one timeout now and then, not one per request.
    /// </summary>
    private long _quietUntil;

    public RedisContentChanges(RedisConnection redis, IOptions<RedisOptions> options, ILogger<RedisContentChanges> logger)
    {
        _redis = redis;
        _logger = logger;
        _hash = options.Value.Prefix + "changes";
        _timeout = options.Value.TimeoutMilliseconds;
        redis.Recovered += () =>
        {
            Interlocked.Exchange(ref _quietUntil, 0);
            // At once rather than at this node's next request: the other nodes may be serving what the missed write changed.
            _ = CatchUpAsync().AsTask();
        };
    }

    public async ValueTask<long?> StampAsync(CancellationToken cancellationToken)
    {
        if (!await CatchUpAsync())
        {
            return null;
        }

        var result = await TryEvaluateAsync(s_stamp, []);
        return result is null ? null : (long)result;
    }

    public async ValueTask<bool?> ChangedSinceAsync(long stamp, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (!await CatchUpAsync())
        {
            return null;
        }

        RedisValue[] arguments = [stamp, ContentKeys.Everything, .. keys.Select(key => (RedisValue)key)];
        var result = await TryEvaluateAsync(s_changedSince, arguments);
        return result is null ? null : (long)result == 1;
    }

    public async ValueTask ChangedAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        // The write has committed: its answer must not fail for want of Redis, so a failure is remembered, not thrown.
        var unrecorded = Interlocked.Read(ref _unrecorded);
        IReadOnlyCollection<string> changed = unrecorded > 0 ? ContentKeys.All : keys;
        if (await TryEvaluateAsync(s_changed, [.. changed.Select(key => (RedisValue)key)]) is null)
        {
            Interlocked.Increment(ref _unrecorded);
            _logger.LogWarning("A write could not be recorded in Redis: this node serves nothing cached until it has marked everything changed there.");
        }
        else if (unrecorded > 0)
        {
            Interlocked.CompareExchange(ref _unrecorded, 0, unrecorded);
        }
    }

    /// <summary>True when no write of this node is missing from Redis (any missing one is recorded now, as a change of everything).</summary>
    private async ValueTask<bool> CatchUpAsync()
    {
        var unrecorded = Interlocked.Read(ref _unrecorded);
        if (unrecorded == 0)
        {
            return true;
        }

        if (await TryEvaluateAsync(s_changed, [ContentKeys.Everything]) is null)
        {
            return false;
        }

        Interlocked.CompareExchange(ref _unrecorded, 0, unrecorded);
        _logger.LogInformation("The writes Redis missed are recorded there now, as a change of everything.");
        return true;
    }

    private async Task<RedisResult?> TryEvaluateAsync(string script, RedisValue[] arguments)
    {
        if (Environment.TickCount64 < Interlocked.Read(ref _quietUntil))
        {
            return null;
        }

        try
        {
            return await _redis.Database.ScriptEvaluateAsync(script, [_hash], arguments);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            Interlocked.Exchange(ref _quietUntil, Environment.TickCount64 + _timeout);
            return null;
        }
    }
}
