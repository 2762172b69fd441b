using Microsoft.AspNetCore.DataProtection;

namespace ContentHub.Server.Webhooks;

/// <summary>Endpoint secrets sealed at rest with the key ring every node shares, unsealed only to sign.</summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("ContentHub.Webhooks.Secrets.v1");

    public string Seal(string secret) => _protector.Protect(secret);

    /// <summary>The secrets that sign a message sent at <paramref name="now"/>: the current one, and the previous one during its grace period.</summary>
    public IReadOnlyList<string> SigningSecrets(WebhookEndpoint endpoint, DateTime now) =>
        endpoint.SealedPreviousSecret is { } previous && endpoint.PreviousSecretExpiresAt > now
            ? [_protector.Unprotect(endpoint.SealedSecret), _protector.Unprotect(previous)]
            : [_protector.Unprotect(endpoint.SealedSecret)];
}
