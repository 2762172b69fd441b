namespace ContentHub.Server.Access;

/// <summary>
/// A preview token as issued. The token carries this row's id, sealed, so a token works only while its row does:
/// revoking the row ends the token. Rows past their expiry are deleted when the next token is minted.
/// </summary>
public sealed class IssuedPreviewToken
{
    public int Id { get; set; }

    /// <summary>The content type of the item it shows, e.g. <c>Article</c>.</summary>
    public required string ContentType { get; set; }

    public int ContentId { get; set; }

    /// <summary>The one version of the item it shows; empty: whichever version is current.</summary>
    public int? Version { get; set; }

    /// <summary>The editor who minted it.</summary>
    public required string IssuedBy { get; set; }

    public DateTime IssuedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>When an editor revoked it; empty while it works.</summary>
    public DateTime? RevokedAt { get; set; }
}
