using System.Collections.Concurrent;
using ContentHub.Server.Data;
using ContentHub.Server.Editing;
using ContentHub.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Webhooks;

/// <summary>
/// Delivers the outbox. A pass fans new events out into one delivery per endpoint that wants them, then starts a worker
/// for each endpoint with due deliveries that has none running: endpoints never wait for each other, and a pass never
/// waits for a worker. Runs only while its node holds the <c>webhooks</c> lease, so one node at a time delivers.
/// </summary>
public sealed partial class WebhookDispatcher(
    IDbContextFactory<ContentHubDbContext> contexts,
    WebhookDeliveries deliveries,
    [FromKeyedServices(WebhookDispatcher.LeaseName)] SchedulerLeases lease,
    IOptions<WebhooksOptions> options,
    TimeProvider clock,
    BackgroundWorkMetrics metrics,
    WebhookMetrics webhookMetrics,
    ILogger<WebhookDispatcher> logger) : PeriodicWork(clock, logger, metrics)
{
    public const string LeaseName = "webhooks";

    private const int FanOutBatch = 500;

    /// <summary>A worker claims this many deliveries per request it may have in flight, and records them in one write.</summary>
    private const int BatchPerRequestInFlight = 16;

    private readonly ConcurrentDictionary<int, Task> _workers = new();
    private readonly SemaphoreSlim _pass = new(1, 1);
    private CancellationToken _stopping = CancellationToken.None;
    private DateTimeOffset _pendingCounted = DateTimeOffset.MinValue;

    /// <summary>One pass: fans out what is new and starts the workers of endpoints with due deliveries; returns how many events it fanned out.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        if (!await _pass.WaitAsync(0, cancellationToken))
        {
            return 0;
        }

        try
        {
            if (!await lease.KeepAsync(cancellationToken))
            {
                return 0;
            }

            var fannedOut = 0;
            while (await FanOutAsync(cancellationToken) is > 0 and var count)
            {
                fannedOut += count;
            }

            if (webhookMetrics.PendingObserved && Clock.GetUtcNow() - _pendingCounted >= WebhookMetrics.PendingCountInterval)
            {
                webhookMetrics.Pending(await deliveries.CountOpenAsync(cancellationToken));
                _pendingCounted = Clock.GetUtcNow();
            }

            foreach (var endpointId in await deliveries.EndpointsWithDueAsync(cancellationToken))
            {
                if (!_workers.ContainsKey(endpointId))
                {
                    _workers[endpointId] = Task.Run(() => WorkAsync(endpointId), CancellationToken.None);
                }
            }

            return fannedOut;
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>Completes when every worker started so far has run out of due deliveries.</summary>
    public Task IdleAsync() => Task.WhenAll(_workers.Values);

    protected override TimeSpan? Interval =>
        options.Value.Enabled ? TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds) : null;

    protected override Task<int> PassAsync(CancellationToken cancellationToken)
    {
        _stopping = cancellationToken;
        return DispatchAsync(cancellationToken);
    }

    protected override void LogChanges(int changes) => LogFannedOut(Logger, changes);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await IdleAsync().WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (options.Value.Enabled)
        {
            await lease.ReleaseAsync(CancellationToken.None); // another node need not wait for the lease to lapse
        }
    }

    /// <summary>Makes the deliveries of the oldest events not fanned out yet, and marks those events, in one transaction.</summary>
    private async Task<int> FanOutAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var events = await db.WebhookEvents.Where(e => e.FannedOutAt == null).OrderBy(e => e.Id).Take(FanOutBatch).ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        var now = Clock.GetUtcNow().UtcDateTime;
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled).ToListAsync(cancellationToken);
        foreach (var webhookEvent in events)
        {
            foreach (var endpoint in endpoints.Where(endpoint => Wants(endpoint, webhookEvent)))
            {
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    EndpointId = endpoint.Id,
                    EventId = webhookEvent.Id,
                    ItemKey = webhookEvent.ItemKey,
                    State = WebhookDeliveryState.Pending,
                    NextAttemptAt = now,
                    CreatedAt = now,
                });
            }

            webhookEvent.FannedOutAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return events.Count;
    }

    private static bool Wants(WebhookEndpoint endpoint, WebhookEvent webhookEvent) =>
        endpoint.EventTypes.Contains(webhookEvent.Type)
        && (endpoint.ContentTypes.Count == 0 || (webhookEvent.ContentType is { } type && endpoint.ContentTypes.Contains(type)));

    /// <summary>Delivers the endpoint's due deliveries, a batch at a time, until none is due or this node lost the lease.</summary>
    private async Task WorkAsync(int endpointId)
    {
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.ConcurrencyPerEndpoint, CancellationToken = _stopping };
            while (!_stopping.IsCancellationRequested && await lease.KeepAsync(_stopping)
                && await deliveries.ClaimDueAsync(endpointId, options.Value.ConcurrencyPerEndpoint * BatchPerRequestInFlight, _stopping) is { Count: > 0 } batch)
            {
                var outcomes = new ConcurrentBag<WebhookDeliveries.Outcome>();
                try
                {
                    await Parallel.ForEachAsync(batch, parallel, async (delivery, cancellationToken) => outcomes.Add(await deliveries.AttemptAsync(delivery, cancellationToken)));
                }
                finally
                {
                    await deliveries.RecordAsync(outcomes); // one write per batch, not per delivery
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogWorkerFailed(Logger, endpointId, exception);
        }
        catch (OperationCanceledException)
        {
            // stopping: what was not attempted stays due
        }
        finally
        {
            _workers.TryRemove(endpointId, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook dispatcher fanned out {Events} events")]
    private static partial void LogFannedOut(ILogger logger, int events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook deliveries to endpoint {EndpointId} failed; the next pass retries")]
    private static partial void LogWorkerFailed(ILogger logger, int endpointId, Exception exception);
}
