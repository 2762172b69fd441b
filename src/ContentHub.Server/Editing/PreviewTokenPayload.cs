using ContentHub.Server.Content;
using GraphQL;

namespace ContentHub.Server.Editing;

/// <summary>A minted preview token and until when it works, or why none was minted.</summary>
public sealed class PreviewTokenPayload
{
    /// <summary>The token's id, for <c>revokePreviewToken</c>; empty when refused.</summary>
    [Id]
    public int? TokenId { get; init; }

    /// <summary>Send it as the X-Preview-Token header; empty when refused.</summary>
    public string? Token { get; init; }

    /// <summary>When the token stops working (UTC).</summary>
    public DateTime? ExpiresAt { get; init; }

    /// <summary>Why no token was minted; empty when it was.</summary>
    public required IReadOnlyList<FieldError> Errors { get; init; }
}
