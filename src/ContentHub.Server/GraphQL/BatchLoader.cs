using GraphQL.DataLoader;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// A request-scoped loader: every key asked for while the engine walks one level of the query is fetched
/// together in a single call of <see cref="FetchAsync"/>, when the first result is awaited. The engine
/// defers any <see cref="IDataLoaderResult"/> until it has queued the whole level, so N parents cost one query.
/// </summary>
public abstract class BatchLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Task<IReadOnlyDictionary<TKey, TValue>>> _batchOfKey = [];
    private readonly List<TKey> _pending = [];

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_batchOfKey.ContainsKey(key) && !_pending.Contains(key))
            {
                _pending.Add(key);
            }
        }

        return new Result(this, key);
    }

    /// <summary>
    /// Records values another query of this request has already read (<paramref name="values"/>; a key of
    /// <paramref name="keys"/> missing from them has no value), so asking for these keys later costs no query.
    /// </summary>
    public void Prime(IEnumerable<TKey> keys, IReadOnlyDictionary<TKey, TValue> values)
    {
        var known = Task.FromResult(values);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (_batchOfKey.TryAdd(key, known))
                {
                    _pending.Remove(key);
                }
            }
        }
    }

    /// <summary>Fetches the values of all <paramref name="keys"/>; keys without a value are left out.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    private Task<IReadOnlyDictionary<TKey, TValue>> BatchFor(TKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_batchOfKey.TryGetValue(key, out var running))
            {
                return running;
            }

            var keys = _pending.ToList();
            _pending.Clear();
            var batch = FetchAsync(keys, cancellationToken);
            foreach (var batchKey in keys)
            {
                _batchOfKey[batchKey] = batch;
            }

            return batch;
        }
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await loader.BatchFor(key, cancellationToken);
            return values.TryGetValue(key, out var value) ? value : default;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
