namespace ContentHub.Server.Content;

/// <summary>
/// Counts committed writes to content. Every writer (editing, imports, a future scheduler) calls
/// <see cref="Changed"/> once its transaction has committed; whatever keeps answers derived from content (the
/// response cache) keys them by <see cref="Generation"/>, so nothing derived from an older state is served after
/// the write that replaced it has returned. It counts this process's writes only: another server, or the
/// <c>seed</c> verb run beside a live server, are not seen (their changes show once cached answers expire).
/// </summary>
public sealed class ContentChangeSignal
{
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public void Changed() => Interlocked.Increment(ref _generation);
}
