namespace ContentHub.Server.Content;

/// <summary>
/// The sequence of committed writes to content, told as the dependency keys each write changed
/// (<see cref="ContentKeys"/>). Every writer (editing, the scheduler, imports) reports its keys once its transaction
/// has committed and before it answers; whatever keeps answers derived from content (the response cache) takes a
/// <see cref="StampAsync">stamp</see> before it reads and, before serving a kept answer, asks whether any key the
/// answer read has changed since. So nothing read before a write is served after that write has returned.
/// </summary>
public interface IContentChanges
{
    /// <summary>Where the sequence stands now; null when that cannot be known (then nothing may be served from a cache or kept in one).</summary>
    ValueTask<long?> StampAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Whether any of <paramref name="keys"/>, or <see cref="ContentKeys.Everything"/>, changed after
    /// <paramref name="stamp"/>; null when that cannot be known (then the answer must not be served).
    /// </summary>
    ValueTask<bool?> ChangedSinceAsync(long stamp, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Records that committed writes changed <paramref name="keys"/>.</summary>
    ValueTask ChangedAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}
