using System.Net;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ContentHub.Tests.Data;

/// <summary>
/// When the database stops answering, readiness fails and requests get a 503, also those whose API key or preview
/// token cannot be checked meanwhile (never a 401: the credentials may well be good); all recover by themselves.
/// </summary>
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

    [SkippableFact]
    public async Task Should_answer_503_to_credentials_it_cannot_check_while_the_database_is_unavailable_and_accept_them_after()
    {
        var editor = await Factory.CreateClientAsync(ApiKeyRole.Editor);
        var token = await MintPreviewTokenAsync(editor);
        using var otherNode = CreateOtherNode();
        var previewerElsewhere = Previewer(otherNode.CreateClient(), token);
        Assert.Equal(HttpStatusCode.OK, (await otherNode.CreateClient().GetAsync("/health/ready")).StatusCode);
        var previewer = Previewer(Factory.CreateClient(), token);

        await BreakAsync();
        var answers = new[]
        {
            await editor.PostQueryAsync("{ site { name } }"),
            await previewer.PostQueryAsync("{ site { name } }"),
            await previewerElsewhere.PostQueryAsync("{ site { name } }"),
        };

        await RepairAsync();
        Assert.All(answers, answer =>
        {
            Assert.Equal(503, answer.Status);
            Assert.Equal("DATABASE_UNAVAILABLE", answer.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        });
        foreach (var client in new[] { editor, previewer, previewerElsewhere })
        {
            Assert.Equal("Back to Life Blog", (await client.PostQueryAsync("{ site { name } }")).AssertData()["site"]!["name"]!.GetValue<string>());
        }
    }

    /// <summary>
    /// Another node on the same database, through the same way of reaching it, that reads the Data Protection key ring
    /// on first use rather than at start-up: as a node does whose cached ring is due for its refresh.
    /// </summary>
    protected abstract ContentHubFactory CreateOtherNode();

    protected abstract Task BreakAsync();

    protected abstract Task RepairAsync();

    private static async Task<string> MintPreviewTokenAsync(HttpClient editor)
    {
        var draft = await ArticleMutations.CreateAsync(editor, new { title = "Outage preview", body = "Draft text." });
        var payload = (await editor.PostQueryAsync(
            "mutation($id: ID!) { createArticlePreviewToken(id: $id) { token errors { code } } }",
            new { id = draft["id"]!.GetValue<string>() })).AssertData()["createArticlePreviewToken"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["token"]!.GetValue<string>();
    }

    private static HttpClient Previewer(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Add(PreviewTokens.Header, token);
        return client;
    }

    /// <summary>A node whose key ring is not loaded at start-up (Data Protection's hosted service does that).</summary>
    private sealed class ColdKeyRingNode : ContentHubFactory
    {
        public ColdKeyRingNode(params (string Key, string Value)[] settings)
            : base(settings)
        {
        }

        public ColdKeyRingNode(ContentHubFactory databaseOwner, params (string Key, string Value)[] settings)
            : base(databaseOwner, settings)
        {
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                foreach (var preload in services.Where(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType?.Name == "DataProtectionHostedService").ToList())
                {
                    services.Remove(preload);
                }
            });
        }
    }

    /// <summary>The database file is overwritten with garbage, as a crashed disk might leave it, then put back.</summary>
    public sealed class OnSqlite : DatabaseOutageTests
    {
        // Without pooled connections every request opens the file anew, so replacing it is an outage.
        private const string Unpooled = "Data Source={database};Pooling=False";
        private readonly CustomContentHubFactory _factory = new(("ConnectionStrings:ContentHub", Unpooled));

        private string Backup => _factory.DatabasePath + ".backup";

        protected override ContentHubFactory Factory => _factory;

        public override void Dispose() => _factory.Dispose();

        protected override ContentHubFactory CreateOtherNode() => new ColdKeyRingNode(_factory, ("ConnectionStrings:ContentHub", Unpooled));

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
        private readonly string? _relayed;

        public OnPostgreSql()
        {
            Skip.IfNot(PostgreSqlTestServer.IsAvailable, PostgreSqlTestServer.NotFound);
            _database = PostgreSqlTestServer.CreateDatabase();
            var direct = new NpgsqlConnectionStringBuilder(_database);
            _relay = new TcpRelay(direct.Host!, direct.Port);
            // Without pooled connections every request connects anew, through the relay.
            _relayed = new NpgsqlConnectionStringBuilder(_database) { Host = "127.0.0.1", Port = _relay.Port, Pooling = false }.ConnectionString;
            _factory = new CustomContentHubFactory(("Database:Provider", "PostgreSql"), ("ConnectionStrings:ContentHub", _relayed));
        }

        protected override ContentHubFactory Factory => _factory!;

        protected override ContentHubFactory CreateOtherNode() => new ColdKeyRingNode(
            ("Database:Provider", "PostgreSql"), ("ConnectionStrings:ContentHub", _relayed!));

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
