using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Webhooks;

/// <summary>
/// The deliveries' rows: which are due, one attempt and its outcome, and the backoff between attempts. A delivery is
/// due when its time has come and no earlier event of the same item is still undelivered to its endpoint, so an
/// endpoint gets each item's events in order; a dead delivery no longer holds up the ones after it.
/// </summary>
public sealed class WebhookDeliveries(
    IDbContextFactory<ContentHubDbContext> contexts, WebhookSender sender, IOptions<WebhooksOptions> options, TimeProvider clock, WebhookMetrics metrics)
{
    private const int KeptAttemptTimes = 20;

    /// <summary>The enabled endpoints that have a delivery due now.</summary>
    public async Task<List<int>> EndpointsWithDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WebhookDeliveries
            .Where(d => (d.State == WebhookDeliveryState.Pending || d.State == WebhookDeliveryState.Failed) && d.NextAttemptAt <= now && d.Endpoint!.Enabled)
            .Select(d => d.EndpointId).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>The deliveries not delivered yet and not given up on (due now or waiting for a retry).</summary>
    public async Task<int> CountOpenAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WebhookDeliveries.CountAsync(d => d.State == WebhookDeliveryState.Pending || d.State == WebhookDeliveryState.Failed, cancellationToken);
    }

    /// <summary>Up to <paramref name="count"/> of the endpoint's due deliveries, oldest event first, at most one per item; with their events and endpoint.</summary>
    public async Task<List<WebhookDelivery>> ClaimDueAsync(int endpointId, int count, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = db.WebhookDeliveries.Where(d => d.State == WebhookDeliveryState.Pending || d.State == WebhookDeliveryState.Failed);
        return await open
            .Where(d => d.EndpointId == endpointId && d.NextAttemptAt <= now && d.Endpoint!.Enabled
                && !open.Any(earlier => earlier.EndpointId == d.EndpointId && earlier.ItemKey == d.ItemKey && earlier.EventId < d.EventId))
            .OrderBy(d => d.EventId)
            .Take(count)
            .Include(d => d.Event)
            .Include(d => d.Endpoint)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }

    /// <summary>Sends the delivery once; <see cref="RecordAsync"/> stores how it went.</summary>
    public async Task<Outcome> AttemptAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        var attempt = await sender.SendAsync(delivery.Endpoint!, WebhookMessage.IdOf(delivery.Event!), WebhookMessage.BodyOf(delivery.Event!), cancellationToken);
        return new Outcome(delivery, attempt, started);
    }

    /// <summary>
    /// Stores the outcomes of a batch in one transaction: delivered, failed with the next attempt due after the backoff,
    /// or dead. Also while stopping: an attempt made is recorded.
    /// </summary>
    public async Task RecordAsync(IEnumerable<Outcome> outcomes)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        foreach (var (delivery, attempt, started) in outcomes)
        {
            (delivery.Event, delivery.Endpoint) = (null, null); // only the delivery's own row changes
            db.WebhookDeliveries.Attach(delivery);
            Record(delivery, attempt, started);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        foreach (var (delivery, _, _) in outcomes)
        {
            metrics.Attempted(delivery.State);
        }
    }

    private void Record(WebhookDelivery delivery, WebhookAttempt attempt, DateTime started)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        delivery.Attempts++;
        delivery.AttemptTimes = [.. delivery.AttemptTimes.TakeLast(KeptAttemptTimes - 1), started];
        delivery.ResponseStatus = attempt.Status;
        delivery.ResponseExcerpt = attempt.Excerpt;
        delivery.Error = attempt.Error;
        if (attempt.Delivered)
        {
            (delivery.State, delivery.NextAttemptAt, delivery.DeliveredAt) = (WebhookDeliveryState.Delivered, null, now);
        }
        else if (delivery.Attempts >= options.Value.MaxAttempts)
        {
            (delivery.State, delivery.NextAttemptAt) = (WebhookDeliveryState.Dead, null);
        }
        else
        {
            (delivery.State, delivery.NextAttemptAt) = (WebhookDeliveryState.Failed, now + Backoff(delivery.Attempts));
        }
    }

    public sealed record Outcome(WebhookDelivery Delivery, WebhookAttempt Attempt, DateTime Started);

    /// <summary>The wait after the <paramref name="attempts"/>th failed attempt: doubling from the first delay up to the longest, ±20 % so that retries spread out.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(options.Value.FirstRetryDelaySeconds * Math.Pow(2, attempts - 1), options.Value.MaxRetryDelaySeconds);
        return TimeSpan.FromSeconds(seconds * (0.8 + (0.4 * Random.Shared.NextDouble())));
    }
}
