namespace ContentHub.Server.Webhooks;

/// <summary>How one attempt went: delivered (2xx), or the answer's status and excerpt, or why none came.</summary>
public sealed record WebhookAttempt(bool Delivered, int? Status, string? Excerpt, string? Error, TimeSpan Duration);
