namespace ContentHub.Server.Cli;

/// <summary>
/// A progress line on standard error, rewritten in place whenever its percentage moves, for work large enough to
/// wait for (<see cref="ShownFrom"/> items or more).
/// </summary>
internal sealed class ConsolePercentLine(string label)
{
    public const int ShownFrom = 500;

    private int _lastPercent = -1;

    public void Show(int done, int total)
    {
        if (total < ShownFrom)
        {
            return;
        }

        var percent = done * 100 / total;
        if (percent == _lastPercent)
        {
            return;
        }

        _lastPercent = percent;
        Console.Error.Write($"\r{label} {done}/{total} ({percent}%)");
    }
}
