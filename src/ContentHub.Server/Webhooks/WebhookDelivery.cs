using GraphQL;

namespace ContentHub.Server.Webhooks;

/// <summary>One event for one endpoint, and how sending it went.</summary>
public sealed class WebhookDelivery
{
    [Id]
    public long Id { get; set; }

    /// <summary>The endpoint it goes to.</summary>
    [Id]
    public int EndpointId { get; set; }

    /// <summary>The event it carries: its <c>webhook-id</c> is <c>evt_</c> followed by this id.</summary>
    [Id]
    public long EventId { get; set; }

    /// <summary>The event's item key, copied so the order of one item's deliveries is kept without a join.</summary>
    [Ignore]
    public required string ItemKey { get; set; }

    public WebhookDeliveryState State { get; set; }

    /// <summary>How many attempts were made since it was created or last redelivered.</summary>
    public int Attempts { get; set; }

    /// <summary>When each attempt started (UTC), oldest first; the last 20 are kept.</summary>
    public List<DateTime> AttemptTimes { get; set; } = [];

    /// <summary>The HTTP status of the last answer; empty when none came (refused, timed out, unreachable).</summary>
    public int? ResponseStatus { get; set; }

    /// <summary>The first bytes of the last answer's body, as text.</summary>
    public string? ResponseExcerpt { get; set; }

    /// <summary>Why the last attempt failed without an answer, e.g. a timeout or a refused address.</summary>
    public string? Error { get; set; }

    /// <summary>When the next attempt is due (UTC); empty once delivered or dead.</summary>
    public DateTime? NextAttemptAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    [Ignore]
    public WebhookEvent? Event { get; set; }

    [Ignore]
    public WebhookEndpoint? Endpoint { get; set; }
}
