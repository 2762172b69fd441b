namespace ContentHub.Tests.Observability;

/// <summary>
/// Test classes that read a server's metrics back. A metrics provider listens to every meter of its name in the
/// process, so the servers of tests running at the same time would add to the counts: these run on their own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}
