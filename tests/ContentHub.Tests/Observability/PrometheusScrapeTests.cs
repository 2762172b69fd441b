using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ContentHub.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Tests.Observability;

/// <summary>
/// A real Prometheus (the <c>prometheus</c> binary; CI installs it with scripts/lib/prometheus.sh) scrapes a live
/// server on loopback, and a request count is read back through its HTTP API.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class PrometheusScrapeTests
{
    private const string OperationName = "ScrapedArticles";

    [SkippableFact]
    public async Task Should_read_the_request_count_back_through_prometheus()
    {
        var prometheus = Binary();
        Skip.If(prometheus is null, "The prometheus binary is not installed (apt-get install prometheus, or scripts/lib/prometheus.sh).");
        using var factory = new CustomContentHubFactory(("Observability:Prometheus:Path", "/metrics"));
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var target = new Uri(factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        using var client = new HttpClient { BaseAddress = target };
        for (var i = 0; i < 3; i++)
        {
            (await client.PostOperationAsync($"query {OperationName} {{ articles(first: 2) {{ totalCount }} }}", OperationName)).AssertData();
        }

        var folder = Directory.CreateTempSubdirectory("contenthub-prometheus-");
        var port = FreePort();
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: contenthub
                metrics_path: /metrics
                static_configs:
                  - targets: ["{target.Authority}"]
            """);
        using var server = Process.Start(new ProcessStartInfo(prometheus!)
        {
            ArgumentList =
            {
                $"--config.file={Path.Combine(folder.FullName, "prometheus.yml")}",
                $"--storage.tsdb.path={Path.Combine(folder.FullName, "data")}",
                $"--web.listen-address=127.0.0.1:{port}",
                "--log.level=warn",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = server.StandardError.ReadToEndAsync();
        try
        {
            var query = $"sum(contenthub_graphql_request_duration_seconds_count{{graphql_operation_name=\"{OperationName}\",outcome=\"ok\"}})";
            var value = await QueryUntilAsync(new Uri($"http://127.0.0.1:{port}/"), query, "3");

            Assert.True(value == "3", $"Prometheus answered {value ?? "nothing"} for {query}; its log: {(server.HasExited ? await log : "(running)")}");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Asks Prometheus's query API until the instant value of <paramref name="query"/> is <paramref name="expected"/> (a scrape a second), or a minute has passed: the last value then.</summary>
    private static async Task<string?> QueryUntilAsync(Uri prometheus, string query, string expected)
    {
        using var client = new HttpClient { BaseAddress = prometheus };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        string? value = null;
        while (value != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            try
            {
                using var answer = JsonDocument.Parse(await client.GetStringAsync("api/v1/query?query=" + Uri.EscapeDataString(query)));
                var result = answer.RootElement.GetProperty("data").GetProperty("result");
                value = result.GetArrayLength() == 0 ? null : result[0].GetProperty("value")[1].GetString();
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
        }

        return value;
    }

    private static string? Binary() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, "prometheus"))
            .FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
