using System.Net;
using ContentHub.Server.Webhooks;
using Microsoft.Extensions.Options;

namespace ContentHub.Tests.Webhooks;

/// <summary>Which addresses a delivery may connect to: public ones, and internal ones only inside <c>Webhooks:AllowedNetworks</c>.</summary>
public sealed class WebhookAddressGuardTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("10.0.0.1")]
    [InlineData("10.255.255.255")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("169.254.169.254")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.0.0.8")]
    [InlineData("192.168.1.1")]
    [InlineData("198.18.0.1")]
    [InlineData("198.19.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("64:ff9b::127.0.0.1")]
    public void Should_refuse_an_internal_address_by_default(string address)
    {
        Assert.False(Guard().Allows(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("9.255.255.255")]
    [InlineData("11.0.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("126.255.255.255")]
    [InlineData("128.0.0.1")]
    [InlineData("169.253.255.255")]
    [InlineData("169.255.0.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("192.0.1.1")]
    [InlineData("192.167.255.255")]
    [InlineData("192.169.0.1")]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.1")]
    [InlineData("223.255.255.255")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::8.8.8.8")]
    public void Should_allow_a_public_address(string address)
    {
        Assert.True(Guard().Allows(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("::ffff:10.1.200.7", true)]
    [InlineData("10.2.0.1", false)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.0.0.2", false)]
    [InlineData("8.8.8.8", true)]
    public void Should_allow_internal_addresses_only_inside_the_allowed_networks(string address, bool allowed)
    {
        Assert.Equal(allowed, Guard("10.1.0.0/16", "127.0.0.1/32").Allows(IPAddress.Parse(address)));
    }

    private static WebhookAddressGuard Guard(params string[] allowed) =>
        new(Options.Create(new WebhooksOptions { AllowedNetworks = [.. allowed] }));
}
