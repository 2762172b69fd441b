using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ContentHub.Tests.Webhooks.WebhookAdminCalls;

namespace ContentHub.Tests.Webhooks;

/// <summary>Admins register, change, ping and rotate the secrets of webhook endpoints; nobody else may, and bad settings get typed errors.</summary>
public sealed class WebhookEndpointTests(WebhookContentHubFactory factory) : IClassFixture<WebhookContentHubFactory>
{
    [Fact]
    public async Task Should_refuse_webhooks_to_editors_and_anonymous_callers()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);

        var asEditor = await editor.PostQueryAsync("{ webhookEndpoints { id } }");
        var asAnonymous = await factory.CreateClient().PostQueryAsync(
            """mutation { createWebhookEndpoint(input: { url: "https://example.org/hook", eventTypes: ["published"] }) { secret } }""");

        Assert.Equal("FORBIDDEN", asEditor.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("UNAUTHENTICATED", asAnonymous.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        await using var db = factory.CreateDbContext();
        Assert.False(await db.WebhookEndpoints.AnyAsync(e => e.Url == "https://example.org/hook"));
    }

    [Theory]
    [InlineData("ftp://example.org/hook", "published", null, "url", "INVALID_URL")]
    [InlineData("/hook", "published", null, "url", "INVALID_URL")]
    [InlineData("https://user:pass@example.org/hook", "published", null, "url", "INVALID_URL")]
    [InlineData("http://169.254.169.254/latest/meta-data", "published", null, "url", "ADDRESS_NOT_ALLOWED")]
    [InlineData("http://[::ffff:10.0.0.1]/hook", "published", null, "url", "ADDRESS_NOT_ALLOWED")]
    [InlineData("https://example.org/hook", "publishd", null, "eventTypes", "UNKNOWN_EVENT_TYPE")]
    [InlineData("https://example.org/hook", "published", "Articel", "contentTypes", "UNKNOWN_CONTENT_TYPE")]
    public async Task Should_refuse_bad_settings_with_a_typed_error_and_write_nothing(string url, string eventType, string? contentType, string field, string code)
    {
        var admin = await factory.CreateClientAsync(ApiKeyRole.Admin);

        var payload = await CreateEndpointPayloadAsync(admin, new { url, eventTypes = new[] { eventType }, contentTypes = contentType is null ? null : new[] { contentType } });

        var error = payload["errors"]!.AsArray().Single()!;
        Assert.Equal((field, code), (error["field"]!.GetValue<string>(), error["code"]!.GetValue<string>()));
        Assert.Null(payload["endpoint"]);
        Assert.Null(payload["secret"]);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.WebhookEndpoints.AnyAsync(e => e.Url == url));
    }

    [Fact]
    public async Task Should_show_the_secret_once_and_store_it_sealed()
    {
        var admin = await factory.CreateClientAsync(ApiKeyRole.Admin);

        var (id, secret) = await CreateEndpointAsync(admin, "https://example.org/once", ["published"]);
        var asked = await admin.PostQueryAsync("{ webhookEndpoints { id secret } }");

        Assert.Matches("^whsec_[A-Za-z0-9+/]{43}=$", secret);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", asked.Errors![0]!["extensions"]!["code"]!.GetValue<string>()); // no field gives it back
        await using var db = factory.CreateDbContext();
        var stored = await db.WebhookEndpoints.SingleAsync(e => e.Id == int.Parse(id));
        Assert.DoesNotContain(secret["whsec_".Length..], stored.SealedSecret, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ping_with_a_signed_message_and_answer_how_it_went()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await factory.CreateClientAsync(ApiKeyRole.Admin, "Ping Admin");
        var (id, secret) = await CreateEndpointAsync(admin, receiver.Url, ["published"]);

        var ping = await PingAsync(admin, id);

        var message = Assert.Single(receiver.Received);
        Assert.True(StandardWebhooksVerifier.Verifies(secret, message));
        Assert.Equal((true, 200, "received " + message.Id), (ping["delivered"]!.GetValue<bool>(), ping["responseStatus"]!.GetValue<int>(), ping["responseExcerpt"]!.GetValue<string>()));
        var body = JsonNode.Parse(message.Body)!;
        Assert.Equal(("ping", message.Id, "Ping Admin"), (body["type"]!.GetValue<string>(), body["id"]!.GetValue<string>(), body["actor"]!.GetValue<string>()));
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), message.Timestamp);
    }

    [Fact]
    public async Task Should_sign_with_both_secrets_during_a_rotations_grace_period_and_with_the_new_one_after()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await factory.CreateClientAsync(ApiKeyRole.Admin);
        var (id, oldSecret) = await CreateEndpointAsync(admin, receiver.Url, ["published"]);

        var rotated = await RotateAsync(admin, id, graceMinutes: 60);
        var newSecret = rotated["secret"]!.GetValue<string>();
        await PingAsync(admin, id);
        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        await PingAsync(admin, id);

        Assert.NotEqual(oldSecret, newSecret);
        var (during, after) = (receiver.Received[0], receiver.Received[1]);
        Assert.Equal(2, during.Signature.Split(' ').Length);
        Assert.True(StandardWebhooksVerifier.Verifies(oldSecret, during));
        Assert.True(StandardWebhooksVerifier.Verifies(newSecret, during));
        Assert.False(StandardWebhooksVerifier.Verifies(oldSecret, after));
        Assert.True(StandardWebhooksVerifier.Verifies(newSecret, after));
    }

    [Fact]
    public async Task Should_change_disable_and_delete_an_endpoint()
    {
        var admin = await factory.CreateClientAsync(ApiKeyRole.Admin);
        var (id, _) = await CreateEndpointAsync(admin, "https://example.org/changing", ["published"]);

        var updated = (await admin.PostQueryAsync(
            """mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { eventTypes: ["published", "unpublished"], contentTypes: ["Article"] }) { endpoint { url eventTypes contentTypes } errors { code } } }""",
            new { id })).AssertData()["updateWebhookEndpoint"]!;
        var disabled = (await admin.PostQueryAsync("mutation($id: ID!) { disableWebhookEndpoint(id: $id) { endpoint { enabled } } }", new { id }))
            .AssertData()["disableWebhookEndpoint"]!;
        var deleted = (await admin.PostQueryAsync("mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { endpoint { id } errors { code } } }", new { id }))
            .AssertData()["deleteWebhookEndpoint"]!;
        var again = (await admin.PostQueryAsync("mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { errors { code } } }", new { id }))
            .AssertData()["deleteWebhookEndpoint"]!;

        Assert.Equal("https://example.org/changing", updated["endpoint"]!["url"]!.GetValue<string>());
        Assert.Equal(["published", "unpublished"], updated["endpoint"]!["eventTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(["Article"], updated["endpoint"]!["contentTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.False(disabled["endpoint"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(id, deleted["endpoint"]!["id"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", again["errors"]![0]!["code"]!.GetValue<string>());
    }
}
