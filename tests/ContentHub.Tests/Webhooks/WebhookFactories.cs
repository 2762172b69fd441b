using ContentHub.Tests.Support;
using Xunit.Abstractions;

namespace ContentHub.Tests.Webhooks;

/// <summary>
/// A fake-clock server whose deliveries may reach loopback receivers (the SSRF guard refuses everything else internal),
/// giving up after three attempts; tests run the dispatcher's passes themselves.
/// </summary>
public class WebhookContentHubFactory : FakeClockContentHubFactory
{
    public static readonly (string Key, string Value)[] Settings =
    [
        ("Seeding:OnStartup", "false"),
        ("Webhooks:AllowedNetworks:0", "127.0.0.1/32"),
        ("Webhooks:MaxAttempts", "3"),
    ];

    public WebhookContentHubFactory()
        : this(TestDatabase.Sqlite)
    {
    }

    protected WebhookContentHubFactory(TestDatabase database)
        : base(database, Settings)
    {
    }
}

public sealed class PostgreSqlWebhookContentHubFactory : WebhookContentHubFactory
{
    public PostgreSqlWebhookContentHubFactory(IMessageSink diagnostics)
        : base(TestDatabase.PostgreSql) => PostgreSqlTestServer.ReportIfMissing(diagnostics);
}

/// <summary>A fake-clock server with the SSRF guard's defaults: no internal address is reachable, loopback included.</summary>
public sealed class StrictWebhookContentHubFactory()
    : FakeClockContentHubFactory(("Seeding:OnStartup", "false"));
