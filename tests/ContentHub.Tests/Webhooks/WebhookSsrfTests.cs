using ContentHub.Server.Access;
using ContentHub.Server.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using static ContentHub.Tests.Support.ArticleMutations;
using static ContentHub.Tests.Webhooks.WebhookAdminCalls;

namespace ContentHub.Tests.Webhooks;

/// <summary>With the default settings no delivery reaches an internal address: refused when registered by address, and at connect time, after DNS, by name.</summary>
public sealed class WebhookSsrfTests(StrictWebhookContentHubFactory factory) : IClassFixture<StrictWebhookContentHubFactory>
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hooks")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]/hooks")]
    public async Task Should_refuse_an_internal_address_when_registered(string url)
    {
        var admin = await factory.CreateClientAsync(ApiKeyRole.Admin);

        var payload = await CreateEndpointPayloadAsync(admin, new { url, eventTypes = new[] { "created" } });

        Assert.Equal("ADDRESS_NOT_ALLOWED", payload["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_refuse_at_connect_time_a_name_that_resolves_to_loopback()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await factory.CreateClientAsync(ApiKeyRole.Admin);
        var (endpoint, _) = await CreateEndpointAsync(admin, $"http://localhost:{receiver.Port}/hooks", ["created"]);
        await CreateAsync(admin, new { title = "Not for localhost", body = "Refused." });

        var ping = await PingAsync(admin, endpoint);
        var dispatcher = factory.Services.GetRequiredService<WebhookDispatcher>();
        await dispatcher.DispatchAsync(CancellationToken.None);
        await dispatcher.IdleAsync();

        Assert.False(ping["delivered"]!.GetValue<bool>());
        Assert.Contains("internal address", ping["error"]!.GetValue<string>(), StringComparison.Ordinal);
        var delivery = (await DeliveriesAsync(admin, endpoint)).Single()!;
        Assert.Equal("FAILED", delivery["state"]!.GetValue<string>());
        Assert.Contains("internal address", delivery["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }
}
