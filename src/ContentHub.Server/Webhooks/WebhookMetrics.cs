using System.Diagnostics.Metrics;

namespace ContentHub.Server.Webhooks;

/// <summary>
/// The outbox as metrics: the counter <c>contenthub.webhooks.attempts</c> (by <c>outcome</c>: what became of the
/// delivery, delivered, failed (retried later) or dead) and the gauge <c>contenthub.webhooks.pending</c> (deliveries not
/// delivered yet nor given up on, as the delivering node counted them at most <see cref="PendingCountInterval"/> ago).
/// </summary>
public sealed class WebhookMetrics
{
    public const string MeterName = "ContentHub.Webhooks";
    public const string AttemptsName = "contenthub.webhooks.attempts";
    public const string PendingName = "contenthub.webhooks.pending";

    /// <summary>How often the dispatcher counts the open deliveries (one SQL query), only while the gauge is read.</summary>
    public static readonly TimeSpan PendingCountInterval = TimeSpan.FromSeconds(10);

    private readonly Counter<long> _attempts;
    private readonly ObservableGauge<long> _pendingGauge;
    private long _pending;

    public WebhookMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _attempts = meter.CreateCounter<long>(AttemptsName, "{attempt}", "Delivery attempts, by what became of the delivery: delivered, failed (retried later) or dead.");
        _pendingGauge = meter.CreateObservableGauge(PendingName, () => Volatile.Read(ref _pending), "{delivery}", "Deliveries not delivered yet nor given up on.");
    }

    /// <summary>Whether anyone reads the pending gauge: otherwise the dispatcher need not count.</summary>
    public bool PendingObserved => _pendingGauge.Enabled;

    public void Attempted(WebhookDeliveryState state) =>
        _attempts.Add(1, new KeyValuePair<string, object?>("outcome", state switch
        {
            WebhookDeliveryState.Delivered => "delivered",
            WebhookDeliveryState.Dead => "dead",
            _ => "failed",
        }));

    public void Pending(int count) => Volatile.Write(ref _pending, count);
}
