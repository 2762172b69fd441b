using System.Globalization;
using ContentHub.Server.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Access;

/// <summary>
/// Signed, expiring, revocable preview tokens: each seals the id of its <see cref="IssuedPreviewToken"/> row, the
/// item (and version) it shows and its expiry, encrypted and authenticated with ASP.NET Core Data Protection. A
/// token that is forged, damaged or expired is refused without a database query; a genuine one works while its
/// row is not revoked. The key ring and the rows live in the database: while it cannot be asked, reading a token
/// throws the database's failure rather than calling a genuine token bad.
/// </summary>
public sealed class PreviewTokens(
    IDataProtectionProvider protection, IDbContextFactory<ContentHubDbContext> contexts, IDatabaseErrorClassifier databaseErrors, TimeProvider clock)
{
    public const string Header = "X-Preview-Token";

    /// <summary>The longest a token may live.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    private readonly IDataProtector _protector = protection.CreateProtector("ContentHub.PreviewTokens.v2");

    public static PreviewGrant GrantOf(IssuedPreviewToken issued) => new(issued.ContentType, issued.ContentId, issued.Version);

    /// <summary>The token to hand out for a stored row.</summary>
    public string Seal(IssuedPreviewToken issued) => _protector.Protect(string.Create(
        CultureInfo.InvariantCulture, $"{issued.Id}|{GrantOf(issued).ToClaimValue()}|{issued.ExpiresAt.Ticks}"));

    /// <summary>The grant a token carries, or null when it is forged, damaged, expired or revoked.</summary>
    /// <exception cref="Exception">The database is unavailable (<see cref="DatabaseFailure.Unavailable"/>): the token may well be good.</exception>
    public async Task<PreviewGrant?> ReadAsync(string token, CancellationToken cancellationToken)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException exception) when (databaseErrors.ClassifyAny(exception) is not DatabaseFailure.Unavailable)
        {
            return null;
        }

        if (payload.Split('|') is not [var id, var grant, var ticks]
            || !int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var tokenId)
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            || clock.GetUtcNow().UtcDateTime.Ticks >= expiry)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PreviewTokens.AnyAsync(t => t.Id == tokenId && t.RevokedAt == null, cancellationToken)
            ? PreviewGrant.FromClaimValue(grant)
            : null;
    }
}
