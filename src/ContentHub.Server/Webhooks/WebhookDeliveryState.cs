namespace ContentHub.Server.Webhooks;

public enum WebhookDeliveryState
{
    /// <summary>Not tried yet, or sent back for redelivery.</summary>
    Pending,

    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,

    /// <summary>The last attempt failed; another is due at <c>nextAttemptAt</c>.</summary>
    Failed,

    /// <summary>Every attempt failed; nothing more is tried unless an admin redelivers it.</summary>
    Dead,
}
