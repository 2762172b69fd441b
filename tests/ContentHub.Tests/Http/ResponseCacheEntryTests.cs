using System.Diagnostics.Metrics;
using System.Text;
using ContentHub.Server.Content;
using ContentHub.Server.GraphQL.Caching;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ZiggyCreatures.Caching.Fusion;

namespace ContentHub.Tests.Http;

/// <summary>
/// The response cache on its own, with a fake clock and counted computations: when a kept answer is served, when it
/// is computed again (what it read changed, its freshness ended, it went stale twice in a row), what one entry may take
/// and how it is counted, how long it stays in memory, and the answers shared with other nodes through the second level.
/// </summary>
public sealed class ResponseCacheEntryTests : IDisposable
{
    private static readonly string[] ArticleOne = ["article:1"];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
    private readonly CountedChanges _changes = new();
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ServiceProvider _otherNodesMeters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _counted = [];
    private readonly List<string> _evictions = [];
    private readonly List<ResponseCache> _caches = [];
    private int _computations;

    public ResponseCacheEntryTests()
    {
        var scope = _meters.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == scope)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (_counted)
            {
                _counted[instrument.Name] = instrument.Name is ResponseCacheMetrics.BytesName or ResponseCacheMetrics.EntriesName
                    ? value
                    : _counted.GetValueOrDefault(instrument.Name) + value;
                if (instrument.Name == ResponseCacheMetrics.EvictionsName)
                {
                    _evictions.Add((string)tags[0].Value!);
                }
            }
        });
        _listener.Start();
    }

    [Fact]
    public async Task Should_refuse_to_keep_an_answer_that_lies_in_a_pooled_block()
    {
        var cache = Cache();
        var key = Key(cache, "query { article(id: 1) { title } }");
        using var pooled = new MemoryStream();

        await Assert.ThrowsAsync<InvalidOperationException>(() => GetAsync(cache, key, Answer("pooled") with { Lease = pooled }));
        var next = await GetAsync(cache, key, Answer("own bytes"));

        Assert.Equal("own bytes", Text(next));
    }

    [Fact]
    public async Task Should_serve_a_kept_answer_until_something_it_read_changes_then_keep_the_new_one()
    {
        var cache = Cache();
        var key = Key(cache, "query { article(id: 1) { title } }");

        var first = await GetAsync(cache, key, Answer("first", dependsOn: ArticleOne));
        var sameStamp = await GetAsync(cache, key, Answer("unused"));
        await _changes.ChangedAsync(["article:2"], CancellationToken.None);
        var otherChanged = await GetAsync(cache, key, Answer("unused"));
        await _changes.ChangedAsync(ArticleOne, CancellationToken.None);
        var itChanged = await GetAsync(cache, key, Answer("second", dependsOn: ArticleOne));
        var next = await GetAsync(cache, key, Answer("unused"));

        Assert.Equal(["first", "first", "first", "second", "second"], new[] { first, sameStamp, otherChanged, itChanged, next }.Select(Text));
        Assert.Equal(2, _computations);
        // An answer computed at the request's own stamp is served without asking what changed (a round trip to Redis).
        Assert.Equal(2, _changes.Asked);
        Assert.Equal((3L, 1L, 1L), (Counted(ResponseCacheMetrics.HitsName), Counted(ResponseCacheMetrics.MissesName), Counted(ResponseCacheMetrics.StaleName)));
    }

    [Fact]
    public async Task Should_serve_an_answer_that_read_no_content_until_everything_changes()
    {
        var cache = Cache();
        var key = Key(cache, "query { site { name } }");
        await GetAsync(cache, key, Answer("first") with { DependsOn = null });

        await _changes.ChangedAsync(ArticleOne, CancellationToken.None);
        var afterAnArticleChanged = await GetAsync(cache, key, Answer("unused"));
        await _changes.ChangedAsync([ContentKeys.Everything], CancellationToken.None);
        var afterEverythingChanged = await GetAsync(cache, key, Answer("second"));

        Assert.Equal(("first", "second"), (Text(afterAnArticleChanged), Text(afterEverythingChanged)));
    }

    [Fact]
    public async Task Should_compute_a_request_itself_while_it_cannot_be_told_what_changed_and_keep_the_answer_for_later()
    {
        var cache = Cache();
        var key = Key(cache, "query { article(id: 1) { title } }");
        await GetAsync(cache, key, Answer("first", dependsOn: ArticleOne));
        await _changes.ChangedAsync(["article:2"], CancellationToken.None);

        _changes.Unknown = true; // Redis cannot be reached
        var whileUnknown = await GetAsync(cache, key, Answer("computed meanwhile", dependsOn: ArticleOne));
        _changes.Unknown = false;
        var afterwards = await GetAsync(cache, key, Answer("unused"));

        Assert.Equal(("computed meanwhile", "first"), (Text(whileUnknown), Text(afterwards)));
        Assert.Equal((1L, 1L, 1L), (Counted(ResponseCacheMetrics.HitsName), Counted(ResponseCacheMetrics.MissesName), Counted(ResponseCacheMetrics.StaleName)));
        Assert.Equal(2, _changes.Asked);
    }

    [Fact]
    public async Task Should_compute_a_request_itself_when_its_answer_went_stale_twice_and_keep_nothing()
    {
        var store = new RecordingStore();
        var cache = Cache(shared: store);
        var key = Key(cache, "query { article(id: 1) { title } }");
        await GetAsync(cache, key, Answer("old", dependsOn: ArticleOne));
        await _changes.ChangedAsync(ArticleOne, CancellationToken.None);
        // Every node that removes the stale answer finds another node's copy of it written back at once.
        store.WriteBackRemoved = true;

        var answer = await GetAsync(cache, key, Answer("new", dependsOn: ArticleOne));

        Assert.Equal("new", Text(answer));
        Assert.Equal(2, _computations);
        Assert.Equal((0L, 1L, 3L), (Counted(ResponseCacheMetrics.HitsName), Counted(ResponseCacheMetrics.MissesName), Counted(ResponseCacheMetrics.StaleName)));
        Assert.Equal(2, _changes.Asked);
        Assert.Equal(0, cache.Count);
        Assert.Single(store.Writes); // the first answer's, not the one computed last
    }

    [Fact]
    public async Task Should_stop_serving_an_answer_at_the_instant_its_freshness_ends()
    {
        var cache = Cache();
        var key = Key(cache, "query { facts { text } }");
        var until = _clock.GetUtcNow().UtcDateTime.AddSeconds(10);
        await GetAsync(cache, key, Answer("first", freshUntil: until));

        _clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        var justBefore = await GetAsync(cache, key, Answer("unused"));
        _clock.Advance(TimeSpan.FromTicks(1));
        var atTheInstant = await GetAsync(cache, key, Answer("second"));

        Assert.Equal(("first", "second"), (Text(justBefore), Text(atTheInstant)));
        Assert.Equal(0, _changes.Asked);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public async Task Should_not_keep_an_answer_whose_freshness_has_already_ended_in_either_level(int secondsLeft)
    {
        var store = new RecordingStore();
        var cache = Cache(shared: store);
        var key = Key(cache, "query { facts { text } }");
        var ended = _clock.GetUtcNow().UtcDateTime.AddSeconds(secondsLeft);

        await GetAsync(cache, key, Answer("first", freshUntil: ended));
        var next = await GetAsync(cache, key, Answer("second"));

        Assert.Equal("second", Text(next));
        Assert.Equal((2L, 0L), (Counted(ResponseCacheMetrics.MissesName), Counted(ResponseCacheMetrics.StaleName)));
        Assert.Single(store.Writes); // the second answer only
        Assert.Empty(store.Removes); // nor a delete of the key, which could be another node's answer
    }

    [Theory]
    [InlineData(60, 1500)] // its freshness ends first
    [InlineData(1, 3_600_000)] // the time to live ends first
    public async Task Should_drop_an_answer_from_memory_when_its_freshness_or_time_to_live_ends_whichever_is_first(int timeToLiveSeconds, int freshMilliseconds)
    {
        // Memory entries expire on the real clock, so this cache reads it too.
        var cache = Cache(options => options.TimeToLiveSeconds = timeToLiveSeconds, TimeProvider.System);
        var key = Key(cache, "query { facts { text } }");
        await GetAsync(cache, key, Answer("first", freshUntil: DateTime.UtcNow.AddMilliseconds(freshMilliseconds)));
        var kept = await GetAsync(cache, key, Answer("unused"));

        await Task.Delay(Math.Min(freshMilliseconds, timeToLiveSeconds * 1000) + 300);
        var next = await GetAsync(cache, key, Answer("second"));

        Assert.Equal(("first", "second"), (Text(kept), Text(next)));
        Assert.Equal((1L, 2L, 0L), (Counted(ResponseCacheMetrics.HitsName), Counted(ResponseCacheMetrics.MissesName), Counted(ResponseCacheMetrics.StaleName)));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public async Task Should_keep_an_answer_of_exactly_the_largest_entry_size_and_count_its_bytes(int bytesOver, bool kept)
    {
        const long maxEntryBytes = 4096;
        var store = new RecordingStore();
        var cache = Cache(options => options.MaxEntryBytes = maxEntryBytes, shared: store);
        var key = Key(cache, "query { articles { edges { node { title } } } }");
        string[] dependsOn = ["articles", "article:17"];
        var keyBytes = 2 * (key.Length + dependsOn.Sum(k => k.Length));
        var body = new string('x', (int)(maxEntryBytes - ResponseCache.EntryOverheadBytes - keyBytes) + bytesOver);

        await GetAsync(cache, key, Answer(body, dependsOn: dependsOn));
        _listener.RecordObservableInstruments();
        var held = (Counted(ResponseCacheMetrics.BytesName), Counted(ResponseCacheMetrics.EntriesName));
        var next = await GetAsync(cache, key, Answer("second"));

        Assert.Equal(kept ? body : "second", Text(next));
        Assert.Equal(kept ? 1 : 2, _computations);
        Assert.Equal(kept ? (maxEntryBytes, 1) : (0, 0), held);
        Assert.Single(store.Writes); // the first answer when it was kept, else the second: never one too large
    }

    [Fact]
    public async Task Should_crowd_out_answers_past_the_size_limit_and_count_the_evictions()
    {
        const int answers = 40;
        var cache = Cache(options => options.SizeLimitBytes = 16 * 1024);
        for (var index = 0; index < answers; index++)
        {
            var key = Key(cache, $"query {{ article(id: {index}) {{ title }} }}");
            await GetAsync(cache, key, Answer(new string('x', 1024)));
        }

        // Memory compacts and reports its evictions in the background.
        for (var wait = 0; wait < 600 && Evictions("Capacity") == 0; wait++)
        {
            await Task.Delay(50);
        }

        _listener.RecordObservableInstruments();
        Assert.True(Evictions("Capacity") > 0, "answers were crowded out");
        Assert.InRange(Counted(ResponseCacheMetrics.BytesName), 1, 16 * 1024);
        Assert.InRange(Counted(ResponseCacheMetrics.EntriesName), 1, answers - 1);
    }

    [Fact]
    public async Task Should_count_a_stale_answer_leaving_memory_as_removed()
    {
        var cache = Cache();
        var key = Key(cache, "query { article(id: 1) { title } }");
        await GetAsync(cache, key, Answer("first", dependsOn: ArticleOne));
        await _changes.ChangedAsync(ArticleOne, CancellationToken.None);

        await GetAsync(cache, key, Answer("second", dependsOn: ArticleOne));
        for (var wait = 0; wait < 600 && Evictions("Removed") == 0; wait++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(1, Evictions("Removed"));
    }

    [Fact]
    public async Task Should_serve_an_answer_another_node_computed_with_everything_it_was_kept_with()
    {
        var store = new RecordingStore();
        var nodeA = Cache(shared: store, otherNode: true);
        var nodeB = Cache(shared: store);
        var key = Key(nodeA, "query Facts { facts { text } }");
        var until = _clock.GetUtcNow().UtcDateTime.AddMinutes(5);
        var computed = Answer("shared", until, ["facts", "fact:3"]) with { OperationName = "Facts" };

        await GetAsync(nodeA, key, computed);
        var fromA = await GetAsync(nodeB, key, Answer("unused"));
        _listener.RecordObservableInstruments();
        var bytesOnB = Counted(ResponseCacheMetrics.BytesName);
        await _changes.ChangedAsync(["fact:3"], CancellationToken.None);
        var afterTheChange = await GetAsync(nodeB, key, Answer("recomputed"));

        Assert.Equal(1 + 1, _computations);
        Assert.Equal(computed.Utf8.ToArray(), fromA.Utf8.ToArray());
        Assert.Equal((computed.Executed, computed.ServerError, computed.Shareable, computed.FreshUntil, computed.OperationName),
            (fromA.Executed, fromA.ServerError, fromA.Shareable, fromA.FreshUntil, fromA.OperationName));
        Assert.Equal(computed.DependsOn, fromA.DependsOn);
        Assert.Equal("recomputed", Text(afterTheChange)); // the stamp it was computed at came along
        Assert.Equal(6 + (2 * (key.Length + "facts".Length + "fact:3".Length)) + ResponseCache.EntryOverheadBytes, bytesOnB); // its size came along
        Assert.All(store.Keys, stored => Assert.EndsWith($"responses:{key}", stored));
        Assert.DoesNotContain(store.Reads, read => !read.EndsWith($"responses:{key}", StringComparison.Ordinal)); // no tag or clear markers asked for
    }

    [Fact]
    public async Task Should_keep_a_copy_of_another_nodes_answer_no_longer_than_the_time_to_live_then_read_it_again()
    {
        var store = new RecordingStore();
        var nodeA = Cache(shared: store, otherNode: true);
        var nodeB = Cache(options => options.TimeToLiveSeconds = 1, shared: store);
        var key = Key(nodeA, "query { facts { text } }");
        await GetAsync(nodeA, key, Answer("first"));
        var copied = await GetAsync(nodeB, key, Answer("unused"));
        var fromMemory = await GetAsync(nodeB, key, Answer("unused"));
        var readsBefore = store.Reads.Count;

        await Task.Delay(1300); // the time to live bounds what no change log shows: writes by another process
        var readAgain = await GetAsync(nodeB, key, Answer("unused"));

        Assert.Equal(["first", "first", "first"], new[] { copied, fromMemory, readAgain }.Select(Text));
        Assert.Equal(1, _computations);
        Assert.Equal(readsBefore + 1, store.Reads.Count);
    }

    [Fact]
    public async Task Should_compute_an_answer_the_second_level_holds_in_a_form_it_cannot_read()
    {
        var store = new RecordingStore();
        var nodeA = Cache(shared: store);
        var key = Key(nodeA, "query { facts { text } }");
        await GetAsync(nodeA, key, Answer("first"));
        store.Corrupt();
        var nodeB = Cache(shared: store);

        var answer = await GetAsync(nodeB, key, Answer("second"));

        Assert.Equal("second", Text(answer));
    }

    [Fact]
    public async Task Should_answer_without_the_second_level_while_it_is_unreachable_and_stop_asking_it_for_a_while()
    {
        var store = new RecordingStore { Unreachable = true };
        var cache = Cache(shared: store);
        var elapsed = System.Diagnostics.Stopwatch.StartNew();

        for (var index = 0; index < 5; index++)
        {
            var key = Key(cache, $"query {{ article(id: {index}) {{ title }} }}");
            Assert.Equal($"answer {index}", Text(await GetAsync(cache, key, Answer($"answer {index}"))));
        }

        Assert.Equal(5, _computations);
        // Asked once, then again only if a slow machine took longer than the 2 s the breaker stays open.
        Assert.InRange(store.Attempts, 1, 1 + (int)(elapsed.Elapsed / TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task Should_pass_a_failed_computation_on_without_keeping_or_serving_an_expired_answer()
    {
        var cache = Cache(options => options.TimeToLiveSeconds = 1);
        var key = Key(cache, "query { facts { text } }");
        await GetAsync(cache, key, Answer("first"));
        await Task.Delay(1300); // the answer's time to live ends on the real clock

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            cache.GetOrComputeAsync(key, 0, _ => throw new InvalidOperationException("The database is gone."), CancellationToken.None));
        var next = await GetAsync(cache, key, Answer("second"));

        Assert.Equal("The database is gone.", failed.Message);
        Assert.Equal("second", Text(next));
    }

    public void Dispose()
    {
        _listener.Dispose();
        foreach (var cache in _caches)
        {
            cache.Dispose();
        }

        _meters.Dispose();
        _otherNodesMeters.Dispose();
    }

    /// <summary>A cache whose metrics are counted here, or (<paramref name="otherNode"/>) not.</summary>
    private ResponseCache Cache(Action<ResponseCacheOptions>? configure = null, TimeProvider? clock = null, IDistributedCache? shared = null, bool otherNode = false)
    {
        var options = new ResponseCacheOptions();
        configure?.Invoke(options);
        var cache = new ResponseCache(
            Options.Create(options),
            _changes,
            new GraphQLSerializer(),
            new ResponseCacheMetrics((otherNode ? _otherNodesMeters : _meters).GetRequiredService<IMeterFactory>()),
            clock ?? _clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<FusionCache>.Instance,
            shared is null ? null : new SharedResponseStore(shared));
        _caches.Add(cache);
        return cache;
    }

    private static string Key(ResponseCache cache, string query) => cache.KeyFor(new GraphQLRequest { Query = query })!;

    private async Task<GraphQLResponseBody> GetAsync(ResponseCache cache, string key, GraphQLResponseBody computed)
    {
        var stamp = (await _changes.StampAsync(CancellationToken.None))!.Value;
        return await cache.GetOrComputeAsync(key, stamp, _ =>
        {
            Interlocked.Increment(ref _computations);
            return Task.FromResult(computed);
        }, CancellationToken.None);
    }

    private static GraphQLResponseBody Answer(string text, DateTime? freshUntil = null, string[]? dependsOn = null) =>
        new(Encoding.UTF8.GetBytes(text), Executed: true, ServerError: null, Shareable: true, freshUntil, dependsOn ?? []);

    private static string Text(GraphQLResponseBody answer) => Encoding.UTF8.GetString(answer.Utf8.Span);

    private long Counted(string name)
    {
        lock (_counted)
        {
            return _counted.GetValueOrDefault(name);
        }
    }

    private int Evictions(string reason)
    {
        lock (_counted)
        {
            return _evictions.Count(evicted => evicted == reason);
        }
    }

    /// <summary>This process's change log, counting how often a cache asks what changed.</summary>
    private sealed class CountedChanges : IContentChanges
    {
        private readonly LocalContentChanges _changes = new();
        private int _asked;

        public int Asked => Volatile.Read(ref _asked);

        /// <summary>Whether what changed cannot be known now, as when Redis cannot be reached.</summary>
        public bool Unknown { get; set; }

        public ValueTask<long?> StampAsync(CancellationToken cancellationToken) => _changes.StampAsync(cancellationToken);

        public ValueTask<bool?> ChangedSinceAsync(long stamp, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _asked);
            return Unknown ? ValueTask.FromResult<bool?>(null) : _changes.ChangedSinceAsync(stamp, keys, cancellationToken);
        }

        public ValueTask ChangedAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => _changes.ChangedAsync(keys, cancellationToken);
    }

    /// <summary>
    /// The second level (Redis in production) in this process: records the keys written and read, can be unreachable,
    /// can corrupt what it holds, and can play another node that writes back each answer removed from it.
    /// </summary>
    private sealed class RecordingStore : IDistributedCache
    {
        private readonly MemoryDistributedCache _store = new(Options.Create(new MemoryDistributedCacheOptions()));
        private readonly Dictionary<string, byte[]> _written = [];
        private int _attempts;

        public bool Unreachable { get; init; }

        public bool WriteBackRemoved { get; set; }

        public int Attempts => Volatile.Read(ref _attempts);

        public IReadOnlyCollection<string> Keys
        {
            get
            {
                lock (_written)
                {
                    return [.. _written.Keys];
                }
            }
        }

        public List<string> Reads { get; } = [];

        public List<string> Writes { get; } = [];

        public List<string> Removes { get; } = [];

        public void Corrupt()
        {
            foreach (var key in Keys)
            {
                _store.Set(key, "{not an entry"u8.ToArray());
            }
        }

        public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default)
        {
            Reach();
            lock (Reads)
            {
                Reads.Add(key);
            }

            return _store.GetAsync(key, token);
        }

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            Reach();
            lock (_written)
            {
                _written[key] = value;
                Writes.Add(key);
            }

            return _store.SetAsync(key, value, options, token);
        }

        public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

        public Task RefreshAsync(string key, CancellationToken token = default)
        {
            Reach();
            return _store.RefreshAsync(key, token);
        }

        public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

        public async Task RemoveAsync(string key, CancellationToken token = default)
        {
            Reach();
            lock (_written)
            {
                Removes.Add(key);
            }

            await _store.RemoveAsync(key, token);
            byte[]? before;
            lock (_written)
            {
                before = _written.GetValueOrDefault(key);
            }

            if (WriteBackRemoved && before is not null)
            {
                await _store.SetAsync(key, before, new DistributedCacheEntryOptions(), token);
            }
        }


        private void Reach()
        {
            Interlocked.Increment(ref _attempts);
            if (Unreachable)
            {
                throw new InvalidOperationException("Redis is unreachable.");
            }
        }
    }
}
