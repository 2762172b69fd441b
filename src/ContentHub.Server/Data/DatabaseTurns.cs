namespace ContentHub.Server.Data;

/// <summary>
/// How many requests may use the database at the same time; the others wait, without holding a thread, until one
/// finishes. A request takes its turn when it first opens a connection and keeps it to its end, so its parallel
/// resolvers never wait for each other. SQLite runs every command synchronously on the calling thread: with more of
/// them at once than there are cores, the threads only contend for the connection pool's lock and for the CPU.
/// </summary>
public sealed class DatabaseTurns(int limit) : IDisposable
{
    private readonly SemaphoreSlim _turns = new(limit, limit);

    /// <summary>Requests waiting for a turn now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    private int _waiting;

    public async Task TakeAsync(CancellationToken cancellationToken)
    {
        if (_turns.Wait(0, CancellationToken.None))
        {
            return;
        }

        Interlocked.Increment(ref _waiting);
        try
        {
            await _turns.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    public void Give() => _turns.Release();

    public void Dispose() => _turns.Dispose();
}
