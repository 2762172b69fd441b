using System.ComponentModel.DataAnnotations;

namespace ContentHub.Server.Webhooks;

/// <summary>How webhooks are delivered. Bound from the <c>Webhooks</c> section and validated at start-up.</summary>
public sealed class WebhooksOptions
{
    public const string Section = "Webhooks";

    /// <summary>Run the dispatcher in this process. Every node may: one at a time holds the lease and delivers.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Milliseconds between the dispatcher's looks at the outbox: about the latency added to a delivery.</summary>
    [Range(50, 60_000)]
    public int PollIntervalMilliseconds { get; set; } = 500;

    /// <summary>Seconds an attempt may take, connecting and reading the answer included.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Attempts before a delivery is dead. With the default delays, the last is about 8 hours after the first.</summary>
    [Range(1, 30)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Seconds before the first retry; each further retry waits twice as long (±20 % jitter), up to <see cref="MaxRetryDelaySeconds"/>.</summary>
    [Range(1, 3600)]
    public int FirstRetryDelaySeconds { get; set; } = 30;

    [Range(1, 86_400)]
    public int MaxRetryDelaySeconds { get; set; } = 7200;

    /// <summary>Deliveries in flight to one endpoint at a time (never two of one item).</summary>
    [Range(1, 64)]
    public int ConcurrencyPerEndpoint { get; set; } = 4;

    /// <summary>Bytes of an answer's body read and kept as its excerpt; the rest is never read.</summary>
    [Range(0, 2000)]
    public int ResponseExcerptBytes { get; set; } = 512;

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.1.0.0/16</c> or <c>127.0.0.1/32</c>) deliveries may reach although they are loopback,
    /// private, link-local or otherwise internal. Empty by default: only public addresses are reached.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];
}
