using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ContentHub.Tests.Webhooks;

/// <summary>
/// A real HTTP receiver on a loopback port (Kestrel), as a front end's webhook route would be: it keeps what it got and
/// answers what the test says. It can be stopped and started again on the same port, as a receiver that goes down.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private WebApplication? _app;

    private WebhookReceiver(int port) => Port = port;

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hooks";

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    /// <summary>The status to answer a message with; 200 unless a test says otherwise.</summary>
    public Func<ReceivedWebhook, int> Answer { get; set; } = _ => 200;

    /// <summary>Awaited before answering: a test holds the receiver here to play a hanging endpoint.</summary>
    public Func<Task> BeforeAnswer { get; set; } = () => Task.CompletedTask;

    public static async Task<WebhookReceiver> StartAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var receiver = new WebhookReceiver(port);
        await receiver.StartAgainAsync();
        return receiver;
    }

    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/hooks", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var received = new ReceivedWebhook(
                request.Headers["webhook-id"].ToString(),
                request.Headers["webhook-timestamp"].ToString(),
                request.Headers["webhook-signature"].ToString(),
                await reader.ReadToEndAsync());
            _received.Enqueue(received);
            await BeforeAnswer();
            var status = Answer(received);
            if (status is >= 300 and < 400)
            {
                request.HttpContext.Response.Headers.Location = Url; // followed, it would come back here
            }

            return Results.Text("received " + received.Id, statusCode: status);
        });
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}

public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body);
