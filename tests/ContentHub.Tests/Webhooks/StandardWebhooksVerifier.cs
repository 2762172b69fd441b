using System.Security.Cryptography;
using System.Text;

namespace ContentHub.Tests.Webhooks;

/// <summary>
/// A receiver's check of the Standard Webhooks signature, written from the specification and not from the server's
/// code: HMAC-SHA256 keyed with the base64-decoded secret after <c>whsec_</c>, over <c>{webhook-id}.{webhook-timestamp}.{body}</c>,
/// compared in constant time with each space-separated <c>v1,</c> signature.
/// </summary>
public static class StandardWebhooksVerifier
{
    public static bool Verifies(string secret, ReceivedWebhook message)
    {
        Assert.StartsWith("whsec_", secret);
        using var hmac = new HMACSHA256(Convert.FromBase64String(secret.Substring("whsec_".Length)));
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes(message.Id + "." + message.Timestamp + "." + message.Body));
        foreach (var signature in message.Signature.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = signature.Split(',', 2);
            if (parts[0] == "v1" && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(parts[1]), expected))
            {
                return true;
            }
        }

        return false;
    }
}
