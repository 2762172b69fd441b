using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Webhooks;

/// <summary>
/// Sends one signed message to one endpoint, the Standard Webhooks way (<c>webhook-id</c>, <c>webhook-timestamp</c>,
/// <c>webhook-signature</c>), within the timeout; reads at most <see cref="WebhooksOptions.ResponseExcerptBytes"/> of the answer.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, WebhookSecrets secrets, IOptions<WebhooksOptions> options, TimeProvider clock)
{
    public const string ClientName = "webhooks";

    public async Task<WebhookAttempt> SendAsync(WebhookEndpoint endpoint, string id, string body, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", string.Join(' ', secrets.SigningSecrets(endpoint, now.UtcDateTime).Select(s => WebhookSignature.Sign(s, id, timestamp, body))));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("ContentHub-Webhooks", "1"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = await ReadExcerptAsync(response, timeout.Token);
            var delivered = response.IsSuccessStatusCode;
            return new WebhookAttempt(delivered, (int)response.StatusCode, excerpt, delivered ? null : $"HTTP {(int)response.StatusCode}", Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed($"No answer within {options.Value.TimeoutSeconds} s.", started);
        }
        catch (HttpRequestException exception)
        {
            return Failed(exception.InnerException is WebhookAddressRefusedException refused ? refused.Message : exception.Message, started);
        }
    }

    private static WebhookAttempt Failed(string error, long started) => new(false, null, null, error, Stopwatch.GetElapsedTime(started));

    private async Task<string> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = new byte[options.Value.ResponseExcerptBytes];
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var read = 0;
        while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), cancellationToken) is > 0 and var count)
        {
            read += count;
        }

        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}
