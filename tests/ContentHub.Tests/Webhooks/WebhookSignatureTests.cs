using ContentHub.Server.Webhooks;

namespace ContentHub.Tests.Webhooks;

/// <summary>Signatures any Standard Webhooks library verifies: the specification's published test vector, and fresh secrets in its format.</summary>
public sealed class WebhookSignatureTests
{
    [Fact]
    public void Should_reproduce_the_standard_webhooks_test_vector()
    {
        var signature = WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void Should_sign_the_id_the_timestamp_and_the_body()
    {
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var signature = WebhookSignature.Sign(secret, "msg_1", 1614265330, "{}");

        Assert.NotEqual(signature, WebhookSignature.Sign(secret, "msg_2", 1614265330, "{}"));
        Assert.NotEqual(signature, WebhookSignature.Sign(secret, "msg_1", 1614265331, "{}"));
        Assert.NotEqual(signature, WebhookSignature.Sign(secret, "msg_1", 1614265330, "{ }"));
    }

    [Fact]
    public void Should_make_distinct_secrets_of_32_random_bytes()
    {
        var first = WebhookSignature.NewSecret();
        var second = WebhookSignature.NewSecret();

        Assert.StartsWith("whsec_", first, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(first["whsec_".Length..]).Length);
        Assert.NotEqual(first, second);
    }
}
