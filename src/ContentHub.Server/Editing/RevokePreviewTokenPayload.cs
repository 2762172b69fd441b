using ContentHub.Server.Content;

namespace ContentHub.Server.Editing;

/// <summary>When a preview token was revoked, or why it was not.</summary>
public sealed class RevokePreviewTokenPayload
{
    /// <summary>When the token stopped working (UTC); empty when refused.</summary>
    public DateTime? RevokedAt { get; init; }

    /// <summary>Why nothing was revoked; empty when the token was.</summary>
    public required IReadOnlyList<FieldError> Errors { get; init; }
}
