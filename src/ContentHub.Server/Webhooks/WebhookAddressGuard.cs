using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Webhooks;

/// <summary>
/// Keeps deliveries off internal networks (SSRF): a connection is opened only to an address the host name resolved to
/// that is public or in <see cref="WebhooksOptions.AllowedNetworks"/>, checked after DNS resolution at connect time, so
/// a name that resolves (or later re-resolves) to an internal address reaches nothing.
/// </summary>
public sealed class WebhookAddressGuard(IOptions<WebhooksOptions> options)
{
    private static readonly IPNetwork[] s_internal =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    /// <summary>NAT64's well-known prefix: an IPv6-only host reaches the IPv4 address in the last 32 bits through it.</summary>
    private static readonly IPNetwork s_nat64 = IPNetwork.Parse("64:ff9b::/96");

    private readonly IPNetwork[] _allowed = [.. options.Value.AllowedNetworks.Select(IPNetwork.Parse)];

    public bool Allows(IPAddress address)
    {
        // IPNetwork.Contains judges an IPv4-mapped IPv6 address (::ffff:a.b.c.d) by its IPv4 address itself.
        var plain = s_nat64.Contains(address) ? new IPAddress(address.GetAddressBytes()[12..]) : address;
        return _allowed.Any(network => network.Contains(plain)) || !s_internal.Any(network => network.Contains(plain));
    }

    /// <summary>The <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves, keeps the allowed addresses, connects to one of them.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var resolved = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = resolved.Where(Allows).ToArray();
        if (allowed.Length == 0)
        {
            throw new WebhookAddressRefusedException($"'{host}' resolves to {string.Join(", ", resolved.Select(a => a.ToString()))}: an internal address deliveries may not reach.");
        }

        // Stryker disable once Boolean,Initializer : Nagle's algorithm only delays a request, which no test can see
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            // Stryker disable once Boolean : a socket the stream does not own is closed by its finalizer instead
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            // Stryker disable once Statement : the same, for a socket that failed to connect
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A delivery's host resolved to internal addresses only.</summary>
public sealed class WebhookAddressRefusedException(string message) : IOException(message);
