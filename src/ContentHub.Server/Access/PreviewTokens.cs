using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace ContentHub.Server.Access;

/// <summary>
/// Signed, expiring preview tokens: each names one item and an expiry, encrypted and authenticated with ASP.NET
/// Core Data Protection. Whoever holds one sees that item while it lasts; nothing is stored server-side.
/// </summary>
public sealed class PreviewTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Header = "X-Preview-Token";

    /// <summary>The longest a token may live.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    private readonly IDataProtector _protector = protection.CreateProtector("ContentHub.PreviewTokens.v1");

    public (string Token, DateTime ExpiresAt) Create(PreviewGrant grant, TimeSpan lifetime)
    {
        var expiresAt = clock.GetUtcNow().UtcDateTime + lifetime;
        var payload = string.Create(CultureInfo.InvariantCulture, $"{grant.ToClaimValue()}|{expiresAt.Ticks}");
        return (_protector.Protect(payload), expiresAt);
    }

    /// <summary>The grant a token carries, or null when it is forged, damaged or expired.</summary>
    public PreviewGrant? Read(string token)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        return payload.Split('|') is [var grant, var ticks]
            && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            && clock.GetUtcNow().UtcDateTime.Ticks < expiry
                ? PreviewGrant.FromClaimValue(grant)
                : null;
    }
}
