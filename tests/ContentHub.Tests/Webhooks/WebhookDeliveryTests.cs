using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Editing;
using ContentHub.Server.Webhooks;
using ContentHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static ContentHub.Tests.Support.ArticleMutations;
using static ContentHub.Tests.Webhooks.WebhookAdminCalls;

namespace ContentHub.Tests.Webhooks;

/// <summary>
/// The dispatcher delivers the outbox to real receivers on loopback: signed, retried with backoff until delivered or
/// dead, each item's events in order, endpoints independent of each other, from any node once the lease is free.
/// </summary>
public abstract class WebhookDeliveryTests
{
    private readonly WebhookContentHubFactory _factory;

    private WebhookDeliveryTests(WebhookContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_deliver_each_event_once_signed_with_its_id_in_header_and_body()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await _factory.CreateClientAsync(ApiKeyRole.Admin);
        var (endpoint, secret) = await CreateEndpointAsync(admin, receiver.Url, ["created", "published"], ["Article"]);
        var article = await CreateAsync(admin, new { title = "Signed delivery", body = "Hello." });
        await MutateAsync(admin, "publishArticle", article);

        await DispatchAsync();
        await DispatchAsync();

        Assert.Equal(["created", "published"], receiver.Received.Select(m => Body(m)["type"]!.GetValue<string>()));
        Assert.All(receiver.Received, message =>
        {
            Assert.True(StandardWebhooksVerifier.Verifies(secret, message));
            Assert.Equal(message.Id, Body(message)["id"]!.GetValue<string>());
            Assert.Equal("signed-delivery", Body(message)["data"]!["slug"]!.GetValue<string>());
        });
        var deliveries = await DeliveriesAsync(admin, endpoint);
        Assert.All(deliveries, d => Assert.Equal(("DELIVERED", 1, 200), (d!["state"]!.GetValue<string>(), d["attempts"]!.GetValue<int>(), d["responseStatus"]!.GetValue<int>())));
        Assert.Equal(2, deliveries.Count);
    }

    [SkippableFact]
    public async Task Should_retry_a_receiver_that_is_down_with_backoff_and_deliver_once_it_is_back()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await _factory.CreateClientAsync(ApiKeyRole.Admin);
        var (endpoint, _) = await CreateEndpointAsync(admin, receiver.Url, ["published"]);
        await receiver.StopAsync();
        await MutateAsync(admin, "publishArticle", await CreateAsync(admin, new { title = "Down receiver", body = "Later." }));

        await DispatchAsync();
        var refused = (await DeliveriesAsync(admin, endpoint)).Single()!;
        await DispatchAsync(); // not due yet
        var stillOnce = (await DeliveriesAsync(admin, endpoint)).Single()!;
        await receiver.StartAgainAsync();
        receiver.Answer = _ => 503;
        _factory.Clock.Advance(TimeSpan.FromSeconds(40));
        await DispatchAsync();
        var unavailable = (await DeliveriesAsync(admin, endpoint)).Single()!;
        receiver.Answer = _ => 202;
        _factory.Clock.Advance(TimeSpan.FromSeconds(80));
        await DispatchAsync();
        var delivered = (await DeliveriesAsync(admin, endpoint)).Single()!;

        Assert.Equal(("FAILED", 1), (refused["state"]!.GetValue<string>(), refused["attempts"]!.GetValue<int>()));
        Assert.Null(refused["responseStatus"]);
        Assert.Contains("Connection refused", refused["error"]!.GetValue<string>(), StringComparison.Ordinal); // what the connect said
        var firstRetry = refused["nextAttemptAt"]!.GetValue<DateTime>().ToUniversalTime() - refused["attemptTimes"]![0]!.GetValue<DateTime>().ToUniversalTime();
        Assert.InRange(firstRetry, TimeSpan.FromSeconds(24), TimeSpan.FromSeconds(36)); // 30 s ± 20 %
        Assert.Equal(1, stillOnce["attempts"]!.GetValue<int>());
        Assert.Equal(("FAILED", 2, 503), (unavailable["state"]!.GetValue<string>(), unavailable["attempts"]!.GetValue<int>(), unavailable["responseStatus"]!.GetValue<int>()));
        var secondRetry = unavailable["nextAttemptAt"]!.GetValue<DateTime>().ToUniversalTime() - unavailable["attemptTimes"]![1]!.GetValue<DateTime>().ToUniversalTime();
        Assert.InRange(secondRetry, TimeSpan.FromSeconds(48), TimeSpan.FromSeconds(72)); // doubled
        Assert.Equal(("DELIVERED", 3, 202), (delivered["state"]!.GetValue<string>(), delivered["attempts"]!.GetValue<int>(), delivered["responseStatus"]!.GetValue<int>()));
        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal(receiver.Received[0].Id, receiver.Received[1].Id); // the same event: receivers de-duplicate by it
    }

    [SkippableFact]
    public async Task Should_give_up_after_the_last_attempt_and_deliver_when_an_admin_redelivers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = _ => 500;
        var admin = await _factory.CreateClientAsync(ApiKeyRole.Admin);
        var (endpoint, _) = await CreateEndpointAsync(admin, receiver.Url, ["created"]);
        await CreateAsync(admin, new { title = "Dead letter", body = "Nobody home." });

        for (var attempt = 0; attempt < 4; attempt++)
        {
            await DispatchAsync();
            _factory.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        var dead = (await DeliveriesAsync(admin, endpoint)).Single()!;
        var sentBeforeRedelivery = receiver.Received.Count;
        receiver.Answer = _ => 200;
        var redelivered = (await admin.PostQueryAsync("mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { delivery { state attempts } errors { code } } }",
            new { id = dead["id"]!.GetValue<string>() })).AssertData()["redeliverWebhook"]!;
        await DispatchAsync();
        var delivered = (await DeliveriesAsync(admin, endpoint)).Single()!;

        Assert.Equal(("DEAD", 3), (dead["state"]!.GetValue<string>(), dead["attempts"]!.GetValue<int>()));
        Assert.Null(dead["nextAttemptAt"]);
        Assert.Equal(3, sentBeforeRedelivery); // a fourth pass found nothing due
        Assert.Equal(("PENDING", 0), (redelivered["delivery"]!["state"]!.GetValue<string>(), redelivered["delivery"]!["attempts"]!.GetValue<int>()));
        Assert.Equal("DELIVERED", delivered["state"]!.GetValue<string>());
        Assert.Equal(4, receiver.Received.Count);
    }

    [SkippableFact]
    public async Task Should_send_one_items_events_in_order_without_holding_up_other_items()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var failedOnce = 0;
        receiver.Answer = m => Slug(m) == "order-first" && Type(m) == "created" && Interlocked.Exchange(ref failedOnce, 1) == 0 ? 500 : 200;
        var admin = await _factory.CreateClientAsync(ApiKeyRole.Admin);
        await CreateEndpointAsync(admin, receiver.Url, ["created", "updated"]);
        var first = await CreateAsync(admin, new { title = "Order first", body = "1" });
        await MutateAsync(admin, "updateArticle", first, new { body = "1, changed" });
        await CreateAsync(admin, new { title = "Order second", body = "2" });

        await DispatchAsync();
        var afterFirstPass = receiver.Received.Select(m => (Slug(m), Type(m))).ToList();
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await DispatchAsync();

        Assert.Equal([("order-first", "created"), ("order-second", "created")], afterFirstPass.Order());
        Assert.Equal(
            [("order-first", "created"), ("order-first", "created"), ("order-first", "updated")],
            receiver.Received.Select(m => (Slug(m), Type(m))).Where(m => m.Item1 == "order-first"));
    }

    [SkippableFact]
    public async Task Should_not_let_a_hanging_endpoint_hold_up_another_endpoint_or_a_mutation()
    {
        await using var hanging = await WebhookReceiver.StartAsync();
        await using var healthy = await WebhookReceiver.StartAsync();
        var release = new TaskCompletionSource();
        hanging.BeforeAnswer = () => release.Task;
        var admin = await _factory.CreateClientAsync(ApiKeyRole.Admin);
        await CreateEndpointAsync(admin, hanging.Url, ["created"]);
        await CreateEndpointAsync(admin, healthy.Url, ["created"]);
        await CreateAsync(admin, new { title = "While one hangs", body = "Go on." });

        var dispatcher = _factory.Services.GetRequiredService<WebhookDispatcher>();
        await dispatcher.DispatchAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)); // a pass does not wait for its workers
        await WaitUntilAsync(() => healthy.Received.Count == 1 && hanging.Received.Count == 1);
        var meanwhile = await CreateAsync(admin, new { title = "Written meanwhile", body = "Not blocked." });
        release.SetResult();
        await dispatcher.IdleAsync();
        await DispatchAsync();

        Assert.Equal("written-meanwhile", meanwhile["slug"]!.GetValue<string>());
        Assert.Equal(["while-one-hangs", "written-meanwhile"], healthy.Received.Select(Slug));
        Assert.Equal(["while-one-hangs", "written-meanwhile"], hanging.Received.Select(Slug));
    }

    [SkippableFact]
    public async Task Should_not_follow_a_redirect()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = _ => 307;
        var admin = await _factory.CreateClientAsync(ApiKeyRole.Admin);
        var (endpoint, _) = await CreateEndpointAsync(admin, receiver.Url, ["created"]);
        await CreateAsync(admin, new { title = "Redirected", body = "Stay." });

        await DispatchAsync();

        var delivery = (await DeliveriesAsync(admin, endpoint)).Single()!;
        Assert.Equal(("FAILED", 307), (delivery["state"]!.GetValue<string>(), delivery["responseStatus"]!.GetValue<int>()));
        Assert.Single(receiver.Received);
    }

    [SkippableFact]
    public async Task Should_deliver_what_a_stopped_node_left_from_another_node_once_its_lease_lapses()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await _factory.CreateClientAsync(ApiKeyRole.Admin);
        var (endpoint, _) = await CreateEndpointAsync(admin, receiver.Url, ["created"]);
        await DispatchAsync(); // this node holds the lease now, and stops delivering: as if it crashed after the commit
        await CreateAsync(admin, new { title = "Survives restart", body = "Rows, not memory." });

        await using var other = new FakeClockNode(_factory, WebhookContentHubFactory.Settings);
        var otherDispatcher = other.Services.GetRequiredService<WebhookDispatcher>();
        await otherDispatcher.DispatchAsync(CancellationToken.None);
        await otherDispatcher.IdleAsync();
        var whileLeased = receiver.Received.Count;
        _factory.Clock.Advance(TimeSpan.FromSeconds(61));
        await otherDispatcher.DispatchAsync(CancellationToken.None);
        await otherDispatcher.IdleAsync();
        await other.Services.GetRequiredKeyedService<SchedulerLeases>(WebhookDispatcher.LeaseName).ReleaseAsync(CancellationToken.None);

        Assert.Equal(0, whileLeased);
        Assert.Equal("survives-restart", Slug(Assert.Single(receiver.Received)));
        Assert.Equal("DELIVERED", (await DeliveriesAsync(admin, endpoint)).Single()!["state"]!.GetValue<string>());
    }

    private async Task DispatchAsync()
    {
        var dispatcher = _factory.Services.GetRequiredService<WebhookDispatcher>();
        await dispatcher.DispatchAsync(CancellationToken.None);
        await dispatcher.IdleAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private static JsonNode Body(ReceivedWebhook message) => JsonNode.Parse(message.Body)!;

    private static string Slug(ReceivedWebhook message) => Body(message)["data"]!["slug"]!.GetValue<string>();

    private static string Type(ReceivedWebhook message) => Body(message)["type"]!.GetValue<string>();

    public sealed class OnSqlite(WebhookContentHubFactory factory) : WebhookDeliveryTests(factory), IClassFixture<WebhookContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlWebhookContentHubFactory factory) : WebhookDeliveryTests(factory), IClassFixture<PostgreSqlWebhookContentHubFactory>;
}
