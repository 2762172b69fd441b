namespace ContentHub.Server.Webhooks;

/// <summary>
/// One row of the transactional outbox: written in the transaction of the change it tells about, so it exists exactly
/// when the change was committed. Its <see cref="Id"/> orders the events of one item, whose writes never interleave.
/// </summary>
public sealed class WebhookEvent
{
    public long Id { get; set; }

    /// <summary>One of <see cref="WebhookEventTypes"/>.</summary>
    public required string Type { get; set; }

    public DateTime OccurredAt { get; set; }

    public required string Actor { get; set; }

    /// <summary>The content type's name, e.g. <c>Article</c>; empty for an import summary.</summary>
    public string? ContentType { get; set; }

    public int? ItemId { get; set; }

    /// <summary>
    /// The item's key (<c>article:42</c>), or <c>seed</c> for import summaries: deliveries of events with the same key go
    /// out in order. Never empty, so that the dispatcher's order check compares keys with an index seek.
    /// </summary>
    public required string ItemKey { get; set; }

    /// <summary>The <c>data</c> object of the delivered JSON.</summary>
    public required string Data { get; set; }

    /// <summary>When the dispatcher made a delivery of it for each endpoint that wants it; empty until then.</summary>
    public DateTime? FannedOutAt { get; set; }
}
