using ContentHub.Server.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ContentHub.Tests.Support;

/// <summary>The benchmarks' database: seed-data/ and 1,000 synthetic articles; no response cache.</summary>
public class WorkloadsFactory : ContentHubFactory, IAsyncLifetime
{
    /// <summary>The document of one of the benchmarks' workloads (tests/ContentHub.Benchmarks/Workloads/).</summary>
    public static string Workload(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Workloads", name + ".graphql"));

    public WorkloadsFactory()
        : this(TestDatabase.Sqlite)
    {
    }

    protected WorkloadsFactory(TestDatabase database)
        : base(database, ("GraphQL:ResponseCache:Enabled", "false"))
    {
    }

    public async Task InitializeAsync()
    {
        if (Database == TestDatabase.PostgreSql && !PostgreSqlTestServer.IsAvailable)
        {
            return;
        }

        await Services.GetRequiredService<SyntheticContent>().GenerateAsync(1_000, progress: null, CancellationToken.None);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class PostgreSqlWorkloadsFactory : WorkloadsFactory
{
    public PostgreSqlWorkloadsFactory(IMessageSink diagnostics)
        : base(TestDatabase.PostgreSql) => PostgreSqlTestServer.ReportIfMissing(diagnostics);
}
