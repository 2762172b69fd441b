using ContentHub.Server.Access;
using ContentHub.Server.Webhooks;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContentHub.Tests.Support.ArticleMutations;
using static ContentHub.Tests.Webhooks.WebhookAdminCalls;

namespace ContentHub.Tests.Webhooks;

/// <summary>An event committed before the server dies is delivered after it: the outbox is rows, not memory.</summary>
public sealed class WebhookCrashTests(WebhookContentHubFactory factory) : IClassFixture<WebhookContentHubFactory>
{
    [Fact]
    public async Task Should_deliver_after_a_restart_what_a_server_killed_mid_delivery_had_not_finished()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var hang = new TaskCompletionSource();
        receiver.BeforeAnswer = () => hang.Task;
        var admin = await factory.CreateClientAsync(ApiKeyRole.Admin);
        var (endpoint, secret) = await CreateEndpointAsync(admin, receiver.Url, ["created"]);
        await CreateAsync(admin, new { title = "Committed before the crash", body = "Still owed." });

        // A real server on the same database, delivering on the real clock, killed (SIGKILL) while its delivery waits for an answer.
        var environment = new Dictionary<string, string>
        {
            ["Seeding__OnStartup"] = "false",
            ["Scheduling__Enabled"] = "false",
            ["Webhooks__AllowedNetworks__0"] = "127.0.0.1/32",
        };
        using (var process = ServerProcess.Start(["--urls", "http://127.0.0.1:0"], factory, environment))
        {
            var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (receiver.Received.Count == 0 && !process.HasExited)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(timeout.Token);
            await output;
        }

        hang.SetResult();
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(WebhookDeliveryState.Pending, (await db.WebhookDeliveries.SingleAsync()).State); // the attempt was never recorded
        }

        // The killed node's lease (on the real clock) lapses; then this node delivers what it left.
        factory.Clock.SetUtcNow(DateTimeOffset.UtcNow.AddMinutes(2));
        var dispatcher = factory.Services.GetRequiredService<WebhookDispatcher>();
        await dispatcher.DispatchAsync(CancellationToken.None);
        await dispatcher.IdleAsync();

        Assert.Equal(2, receiver.Received.Count); // at least once: the receiver de-duplicates by webhook-id
        Assert.Equal(receiver.Received[0].Id, receiver.Received[1].Id);
        Assert.All(receiver.Received, message => Assert.True(StandardWebhooksVerifier.Verifies(secret, message)));
        var delivery = (await DeliveriesAsync(admin, endpoint)).Single()!;
        Assert.Equal(("DELIVERED", 1), (delivery["state"]!.GetValue<string>(), delivery["attempts"]!.GetValue<int>()));
    }
}
