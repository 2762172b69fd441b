using ContentHub.Server.Content;

namespace ContentHub.Server.Webhooks;

/// <summary>An endpoint after a mutation, the signing secret when one was just made, or why nothing was written.</summary>
public sealed class WebhookEndpointPayload
{
    public WebhookEndpoint? Endpoint { get; init; }

    /// <summary>The new signing secret (<c>whsec_</c>…), given only by create and rotate: store it now, it is never shown again.</summary>
    public string? Secret { get; init; }

    /// <summary>Why nothing was written; empty when the mutation succeeded.</summary>
    public required IReadOnlyList<FieldError> Errors { get; init; }
}
