using System.Collections.Concurrent;

namespace ContentHub.Server.Content;

/// <summary>
/// The writes of this process only, for a single server: another server, or the <c>seed</c> verb run beside a live
/// server, are not seen (their changes show once cached answers expire).
/// </summary>
public sealed class LocalContentChanges : IContentChanges
{
    private readonly ConcurrentDictionary<string, long> _changedAt = new(StringComparer.Ordinal);
    private long _stamp;

    public ValueTask<long?> StampAsync(CancellationToken cancellationToken) => ValueTask.FromResult<long?>(Interlocked.Read(ref _stamp));

    public ValueTask<bool?> ChangedSinceAsync(long stamp, IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        ValueTask.FromResult<bool?>(ChangedAfter(stamp, ContentKeys.Everything) || keys.Any(key => ChangedAfter(stamp, key)));

    public ValueTask ChangedAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var stamp = Interlocked.Increment(ref _stamp);
        foreach (var key in keys)
        {
            _changedAt.AddOrUpdate(key, stamp, (_, earlier) => Math.Max(earlier, stamp));
        }

        return ValueTask.CompletedTask;
    }

    private bool ChangedAfter(long stamp, string key) => _changedAt.TryGetValue(key, out var changedAt) && changedAt > stamp;
}
