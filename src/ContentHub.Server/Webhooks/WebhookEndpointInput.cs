namespace ContentHub.Server.Webhooks;

/// <summary>An endpoint's settings; in an update, a field not given keeps its value.</summary>
public sealed record WebhookEndpointInput
{
    /// <summary>The absolute http or https URL events are POSTed to.</summary>
    public string? Url { get; init; }

    /// <summary>The event types to send: created, updated, published, unpublished, archived, trashed, restored, purged, slugChanged, schedulePublished, scheduleWithdrawn, expired, reviewDue, seedImported.</summary>
    public List<string>? EventTypes { get; init; }

    /// <summary>Only events about these content types, e.g. Article; empty: every content type and the seed import summaries.</summary>
    public List<string>? ContentTypes { get; init; }

    /// <summary>Whether events are sent; a disabled endpoint gets nothing of what happens meanwhile.</summary>
    public bool? Enabled { get; init; }
}
