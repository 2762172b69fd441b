using GraphQL;

namespace ContentHub.Server.Webhooks;

/// <summary>A receiver registered by an admin: where events go, which ones, and the secrets that sign them.</summary>
public sealed class WebhookEndpoint
{
    [Id]
    public int Id { get; set; }

    /// <summary>The absolute http(s) URL events are POSTed to.</summary>
    public required string Url { get; set; }

    /// <summary>The event types sent, e.g. published (see WebhookEndpointInput.eventTypes).</summary>
    public List<string> EventTypes { get; set; } = [];

    /// <summary>Only events about these content types (e.g. <c>Article</c>); empty: all of them and the import summaries.</summary>
    public List<string> ContentTypes { get; set; } = [];

    /// <summary>Whether events are sent to it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The current signing secret, sealed by Data Protection: the server needs it to sign, nobody reads it back.</summary>
    [Ignore]
    public required string SealedSecret { get; set; }

    /// <summary>The secret before the last rotation, which keeps signing too until <see cref="PreviousSecretExpiresAt"/>.</summary>
    [Ignore]
    public string? SealedPreviousSecret { get; set; }

    /// <summary>Until when the secret before the last rotation signs too (UTC); empty when only one secret signs.</summary>
    public DateTime? PreviousSecretExpiresAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
