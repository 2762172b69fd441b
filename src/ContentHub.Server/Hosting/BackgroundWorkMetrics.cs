using System.Diagnostics.Metrics;

namespace ContentHub.Server.Hosting;

/// <summary>
/// The passes of background jobs (<see cref="PeriodicWork"/>: the scheduler, the webhook dispatcher, the audit log
/// trimmer), as the counters <c>contenthub.background.passes</c> (by <c>job</c> and <c>outcome</c>: ok or failed) and
/// <c>contenthub.background.changes</c> (by <c>job</c>: items published or withdrawn, events fanned out, entries trimmed).
/// </summary>
public sealed class BackgroundWorkMetrics(IMeterFactory meters)
{
    public const string MeterName = "ContentHub.Background";
    public const string PassesName = "contenthub.background.passes";
    public const string ChangesName = "contenthub.background.changes";

    private readonly Counter<long> _passes = meters.Create(MeterName).CreateCounter<long>(PassesName, "{pass}", "Passes of background jobs, by job and outcome.");
    private readonly Counter<long> _changes = meters.Create(MeterName).CreateCounter<long>(ChangesName, "{change}", "What background passes changed, by job.");

    public void Passed(string job, int changes)
    {
        _passes.Add(1, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", "ok"));
        _changes.Add(changes, new KeyValuePair<string, object?>("job", job));
    }

    public void Failed(string job) =>
        _passes.Add(1, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", "failed"));
}
