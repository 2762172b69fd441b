namespace ContentHub.Server.Data;

/// <summary>One request's turn at the database (<see cref="DatabaseTurns"/>): taken once, at its first connection, given back when the request ends.</summary>
public sealed class RequestDatabaseTurn(DatabaseTurns turns) : IDisposable
{
    private readonly Lock _gate = new();
    private Task? _taken;

    public Task TakeAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _taken ??= turns.TakeAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_taken is { IsCompletedSuccessfully: true })
            {
                turns.Give();
            }
            else if (_taken is { IsCompleted: false } waiting)
            {
                // Still waiting as the request ends (it was abandoned): the turn goes back as soon as it comes.
                waiting.ContinueWith(taken => turns.Give(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            }

            _taken = null;
        }
    }
}
