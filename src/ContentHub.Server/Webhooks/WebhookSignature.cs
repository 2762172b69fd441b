using System.Security.Cryptography;
using System.Text;

namespace ContentHub.Server.Webhooks;

/// <summary>
/// The Standard Webhooks scheme: secrets are <c>whsec_</c> + base64 of 32 random bytes, and a signature is
/// <c>v1,</c> + base64 of the HMAC-SHA256, keyed with the secret's bytes, of <c>{id}.{timestamp}.{body}</c>.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
    }
}
