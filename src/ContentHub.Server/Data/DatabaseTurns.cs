namespace ContentHub.Server.Data;

/// <summary>
/// How many requests may run at the same time (answers from the response cache do not count); the others wait,
/// without holding a thread, for a turn. SQLite runs every command synchronously on the calling thread: with many
/// more requests running than there are cores, the threads only contend for the connection pool's lock and the CPU,
/// and the slowest answers wait longest. A request takes its turn before it runs, so requests that wait for each
/// other (one reads what the others then share) never wait for a turn held by a waiting one.
/// </summary>
public sealed class DatabaseTurns(int limit)
{
    private readonly SemaphoreSlim _turns = new(limit, limit);
    private int _waiting;

    /// <summary>Requests waiting for a turn now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Waits for a turn; disposing the result gives it back.</summary>
    public async Task<IDisposable> TakeAsync(CancellationToken cancellationToken)
    {
        if (!_turns.Wait(0, CancellationToken.None))
        {
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

        return new Turn(_turns);
    }

    private sealed class Turn(SemaphoreSlim turns) : IDisposable
    {
        private int _given;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _given, 1) == 0)
            {
                turns.Release();
            }
        }
    }
}
