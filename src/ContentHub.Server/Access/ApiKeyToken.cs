using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ContentHub.Server.Access;

/// <summary>
/// The key a client sends: <c>chk_{keyId}_{secret}</c>. The key id finds the stored key; the secret is checked
/// against its hash in constant time. 32 random bytes make the secret unguessable, so one SHA-256 suffices.
/// </summary>
public static class ApiKeyToken
{
    public const int KeyIdLength = 12;
    private const int SecretLength = 43;
    private const string Prefix = "chk_";

    public static (string KeyId, string Token, byte[] SecretHash) Create()
    {
        var keyId = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(9));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (keyId, $"{Prefix}{keyId}_{secret}", Hash(secret));
    }

    /// <summary>Whether an Authorization header presents one of our keys (rather than, say, a JWT).</summary>
    public static bool IsPresentedBy(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer " + Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Splits a token of the right shape (prefix, lengths, base64url alphabet); anything else needs no lookup to refuse.</summary>
    public static bool TryParse(string token, out string keyId, out string secret)
    {
        keyId = secret = "";
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length != Prefix.Length + KeyIdLength + 1 + SecretLength
            || token[Prefix.Length + KeyIdLength] != '_')
        {
            return false;
        }

        var (id, key) = (token.Substring(Prefix.Length, KeyIdLength), token[(Prefix.Length + KeyIdLength + 1)..]);
        if (!IsBase64Url(id) || !IsBase64Url(key))
        {
            return false;
        }

        (keyId, secret) = (id, key);
        return true;
    }

    private static bool IsBase64Url(string text) => text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static bool Matches(string secret, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
