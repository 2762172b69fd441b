using ContentHub.Server.Content;

namespace ContentHub.Server.Webhooks;

/// <summary>A delivery sent back to be delivered again, or why it was not.</summary>
public sealed class WebhookDeliveryPayload
{
    public WebhookDelivery? Delivery { get; init; }

    /// <summary>Why nothing was written; empty when the mutation succeeded.</summary>
    public required IReadOnlyList<FieldError> Errors { get; init; }
}
