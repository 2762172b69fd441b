using ContentHub.Server.Access;

namespace ContentHub.Tests.Access;

/// <summary>
/// The shape of a key, checked before any lookup: only <c>chk_</c>, a 12-character key id, <c>_</c> and a 43-character
/// secret, all in the base64url alphabet, is split; anything else is refused without a database read.
/// </summary>
public sealed class ApiKeyTokenTests
{
    private const string KeyId = "AbCdEf-_1234";
    private const string Secret = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ-_01234";

    [Fact]
    public void Should_split_a_well_formed_token_into_its_key_id_and_secret()
    {
        Assert.True(ApiKeyToken.TryParse($"chk_{KeyId}_{Secret}", out var keyId, out var secret));
        Assert.Equal((KeyId, Secret), (keyId, secret));
    }

    [Theory]
    [InlineData($"chx_{KeyId}_{Secret}")] // another prefix
    [InlineData($"chk_{KeyId}-{Secret}")] // no separator after the key id
    [InlineData($"chk_{KeyId}_{Secret}A")] // one character too many
    [InlineData($"chk_{KeyId}_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ-_0123")] // one too few
    [InlineData($"chk_AbCdEf+_1234_{Secret}")] // the key id out of the alphabet in one character
    [InlineData($"chk_{KeyId}_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ-_0123=")] // the secret out of it in one
    [InlineData($"chk_{KeyId}_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ-_0123é")] // not even ASCII
    public void Should_refuse_a_token_of_another_shape_and_give_out_nothing(string token)
    {
        Assert.False(ApiKeyToken.TryParse(token, out var keyId, out var secret));
        Assert.Equal(("", ""), (keyId, secret));
    }

    [Theory]
    [InlineData($"Bearer chk_{KeyId}_{Secret}", true)]
    [InlineData($"bearer CHK_{KeyId}_{Secret}", true)] // schemes are case-insensitive; the shape is checked later
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", false)] // a JWT: the JWT handler's
    [InlineData("Basic Y2hrXzpzZWNyZXQ=", false)]
    [InlineData(null, false)]
    public void Should_tell_our_keys_from_other_credentials(string? authorization, bool ours) =>
        Assert.Equal(ours, ApiKeyToken.IsPresentedBy(authorization));
}
