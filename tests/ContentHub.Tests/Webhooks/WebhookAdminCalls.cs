using System.Text.Json.Nodes;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Webhooks;

/// <summary>The admins' webhook mutations and queries as a front end sends them.</summary>
public static class WebhookAdminCalls
{
    private const string EndpointPayload = "endpoint { id url eventTypes contentTypes enabled previousSecretExpiresAt } secret errors { field code message }";

    /// <summary>Registers an endpoint, asserting success; returns its id and its secret.</summary>
    public static async Task<(string Id, string Secret)> CreateEndpointAsync(HttpClient admin, string url, string[] eventTypes, string[]? contentTypes = null)
    {
        var payload = await CreateEndpointPayloadAsync(admin, new { url, eventTypes, contentTypes });
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return (payload["endpoint"]!["id"]!.GetValue<string>(), payload["secret"]!.GetValue<string>());
    }

    public static async Task<JsonNode> CreateEndpointPayloadAsync(HttpClient admin, object input) =>
        (await admin.PostQueryAsync($"mutation($input: WebhookEndpointInput!) {{ createWebhookEndpoint(input: $input) {{ {EndpointPayload} }} }}", new { input }))
            .AssertData()["createWebhookEndpoint"]!;

    public static async Task<JsonNode> RotateAsync(HttpClient admin, string id, int graceMinutes) =>
        (await admin.PostQueryAsync(
            $"mutation($id: ID!, $grace: Int) {{ rotateWebhookSecret(id: $id, gracePeriodMinutes: $grace) {{ {EndpointPayload} }} }}", new { id, grace = graceMinutes }))
            .AssertData()["rotateWebhookSecret"]!;

    public static async Task<JsonNode> PingAsync(HttpClient admin, string id) =>
        (await admin.PostQueryAsync(
            "mutation($id: ID!) { pingWebhookEndpoint(id: $id) { delivered responseStatus responseExcerpt error errors { field code } } }", new { id }))
            .AssertData()["pingWebhookEndpoint"]!;

    public static async Task<JsonArray> DeliveriesAsync(HttpClient admin, string endpointId, string? state = null) =>
        (await admin.PostQueryAsync(
            "query($endpointId: ID, $state: WebhookDeliveryState) { webhookDeliveries(endpointId: $endpointId, state: $state) { id eventId eventType state attempts attemptTimes responseStatus responseExcerpt error nextAttemptAt } }",
            new { endpointId, state })).AssertData()["webhookDeliveries"]!.AsArray();
}
