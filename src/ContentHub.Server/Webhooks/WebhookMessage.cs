using System.Globalization;
using System.Text.Json.Nodes;

namespace ContentHub.Server.Webhooks;

/// <summary>The JSON body of a delivery, the same at every attempt: <c>id</c>, <c>type</c>, <c>timestamp</c>, <c>actor</c> and the event's <c>data</c>.</summary>
public static class WebhookMessage
{
    public static string IdOf(WebhookEvent webhookEvent) => "evt_" + webhookEvent.Id.ToString(CultureInfo.InvariantCulture);

    public static string BodyOf(WebhookEvent webhookEvent) => Body(IdOf(webhookEvent), webhookEvent.Type, webhookEvent.OccurredAt, webhookEvent.Actor, JsonNode.Parse(webhookEvent.Data));

    public static string Body(string id, string type, DateTime occurredAt, string actor, JsonNode? data) =>
        new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["timestamp"] = occurredAt,
            ["actor"] = actor,
            ["data"] = data,
        }.ToJsonString();
}
