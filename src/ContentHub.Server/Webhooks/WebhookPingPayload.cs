using ContentHub.Server.Content;

namespace ContentHub.Server.Webhooks;

/// <summary>How a signed <c>ping</c> to an endpoint went.</summary>
public sealed class WebhookPingPayload
{
    /// <summary>Whether the endpoint answered 2xx.</summary>
    public bool Delivered { get; init; }

    /// <summary>The HTTP status of the answer; empty when none came.</summary>
    public int? ResponseStatus { get; init; }

    /// <summary>The first bytes of the answer's body.</summary>
    public string? ResponseExcerpt { get; init; }

    /// <summary>Why no answer came or it was not 2xx, e.g. a timeout or a refused address.</summary>
    public string? Error { get; init; }

    /// <summary>How long the attempt took, in milliseconds.</summary>
    public int DurationMilliseconds { get; init; }

    /// <summary>Why no ping was sent (e.g. no such endpoint); empty when it was.</summary>
    public required IReadOnlyList<FieldError> Errors { get; init; }
}
