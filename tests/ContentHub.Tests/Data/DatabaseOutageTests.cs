using System.Net;
using ContentHub.Tests.Support;
using Npgsql;

namespace ContentHub.Tests.Data;

/// <summary>When the database stops answering, readiness fails and requests get a 503; both recover by themselves.</summary>
public abstract class DatabaseOutageTests : IDisposable
{
    private DatabaseOutageTests()
    {
    }

    protected abstract ContentHubFactory Factory { get; }

    public abstract void Dispose();

    [SkippableFact]
    public async Task Should_answer_503_while_the_database_is_unavailable_and_recover_after()
    {
        var client = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await BreakAsync();
        var ready = await client.GetAsync("/health/ready");
        var query = await client.PostQueryAsync("{ site { name } }");

        await RepairAsync();
        var recovered = await client.PostQueryAsync("{ site { name } }");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(503, query.Status);
        Assert.Equal("DATABASE_UNAVAILABLE", query.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.DoesNotContain("   at ", query.Body, StringComparison.Ordinal);
        Assert.Equal("Back to Life Blog", recovered.AssertData()["site"]!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    protected abstract Task BreakAsync();

    protected abstract Task RepairAsync();

    /// <summary>The database file is overwritten with garbage, as a crashed disk might leave it, then put back.</summary>
    public sealed class OnSqlite : DatabaseOutageTests
    {
        // Without pooled connections every request opens the file anew, so replacing it is an outage.
        private readonly CustomContentHubFactory _factory = new(("ConnectionStrings:ContentHub", "Data Source={database};Pooling=False"));

        private string Backup => _factory.DatabasePath + ".backup";

        protected override ContentHubFactory Factory => _factory;

        public override void Dispose() => _factory.Dispose();

        protected override async Task BreakAsync()
        {
            File.Copy(_factory.DatabasePath, Backup);
            await File.WriteAllTextAsync(_factory.DatabasePath, "this is not a database, as a crashed disk might leave it");
        }

        protected override Task RepairAsync()
        {
            File.Copy(Backup, _factory.DatabasePath, overwrite: true);
            File.Delete(Backup);
            return Task.CompletedTask;
        }
    }

    /// <summary>The server is reached through a relay that is cut (connections dropped, new ones refused), then restored.</summary>
    public sealed class OnPostgreSql : DatabaseOutageTests
    {
        private readonly string? _database;
        private readonly TcpRelay? _relay;
        private readonly CustomContentHubFactory? _factory;

        public OnPostgreSql()
        {
            Skip.IfNot(PostgreSqlTestServer.IsAvailable, PostgreSqlTestServer.NotFound);
            _database = PostgreSqlTestServer.CreateDatabase();
            var direct = new NpgsqlConnectionStringBuilder(_database);
            _relay = new TcpRelay(direct.Host!, direct.Port);
            // Without pooled connections every request connects anew, through the relay.
            var relayed = new NpgsqlConnectionStringBuilder(_database) { Host = "127.0.0.1", Port = _relay.Port, Pooling = false };
            _factory = new CustomContentHubFactory(("Database:Provider", "PostgreSql"), ("ConnectionStrings:ContentHub", relayed.ConnectionString));
        }

        protected override ContentHubFactory Factory => _factory!;

        public override void Dispose()
        {
            _factory?.Dispose();
            _relay?.Dispose();
            if (_database is not null)
            {
                PostgreSqlTestServer.DropDatabase(_database);
            }
        }

        protected override Task BreakAsync()
        {
            _relay!.Cut();
            return Task.CompletedTask;
        }

        protected override Task RepairAsync()
        {
            _relay!.Restore();
            return Task.CompletedTask;
        }
    }
}
