using System.Net;
using System.Net.Sockets;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContentHub.Tests.Observability;

/// <summary>The Prometheus scrape endpoint in process: off by default, and the request metrics it shows when on.</summary>
[Collection(MetricsCollection.Name)]
public sealed class ObservabilityMetricsTests
{
    private const string Duration = "contenthub_graphql_request_duration_seconds_count";
    private const string SqlCommands = "contenthub_graphql_request_sql_commands_count";
    private const string SqlCommandsSum = "contenthub_graphql_request_sql_commands_sum";
    private const string Refused = "contenthub_requests_refused_total";
    private const string Articles = "query Articles { articles(first: 2) { edges { node { title } } } }";

    [Fact]
    public async Task Should_not_serve_metrics_by_default()
    {
        using var factory = new ContentHubFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Should_refuse_to_start_with_a_bad_setting()
    {
        using var factory = new CustomContentHubFactory(("Observability:Prometheus:Path", "metrics"), ("Observability:Otlp:Endpoint", "collector:4317"));

        var refused = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Observability:Prometheus:Path must start with '/'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Observability:Otlp:Endpoint must be an absolute http(s) URL", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_count_requests_per_operation_name_and_outcome()
    {
        using var factory = new CustomContentHubFactory(("Observability:Prometheus:Path", "/metrics"));
        using var client = factory.CreateClient();

        (await client.PostOperationAsync(Articles, "Articles")).AssertData();
        (await client.PostOperationAsync(Articles, "Articles")).AssertData(); // from the response cache
        (await client.PostOperationAsync(Articles, operationName: null)).AssertData(); // the cache's answer names the operation
        var invalid = await client.PostOperationAsync("query Broken { articles { nope } }", "Broken");
        var tooLong = await client.PostOperationAsync("query Long { " + new string(' ', 20_000) + "articles { totalCount } }", "Long");
        var metrics = await client.ScrapeAsync(until: text =>
            PrometheusText.Sample(text, Duration, ("outcome", "QUERY_LENGTH_LIMIT_EXCEEDED")) == 1
            && PrometheusText.Sample(text, "contenthub_background_passes_total", ("job", "AuditLogTrimmer"), ("outcome", "ok")) >= 1);

        Assert.NotNull(invalid.Errors);
        Assert.Equal(400, tooLong.Status);
        Assert.Equal(3, PrometheusText.Sample(metrics, Duration, ("graphql_operation_name", "Articles"), ("graphql_operation_type", "query"), ("outcome", "ok")));
        var validationCode = invalid.Errors![0]!["extensions"]!["code"]!.GetValue<string>();
        // Names of operations that never ran take no place among the labels.
        Assert.Equal(1, PrometheusText.Sample(metrics, Duration, ("graphql_operation_name", "other"), ("outcome", validationCode)));
        Assert.Equal(1, PrometheusText.Sample(metrics, Duration, ("graphql_operation_name", "other"), ("outcome", "QUERY_LENGTH_LIMIT_EXCEEDED")));
        Assert.Equal(1, PrometheusText.Sample(metrics, Refused, ("error_code", "QUERY_LENGTH_LIMIT_EXCEEDED")));
        Assert.Equal(1, PrometheusText.Sample(metrics, Refused, ("error_code", validationCode)));
        Assert.Equal(2, PrometheusText.Sample(metrics, SqlCommands, ("graphql_operation_name", "Articles"))); // not the cached answer
        Assert.True(PrometheusText.Sample(metrics, SqlCommandsSum, ("graphql_operation_name", "Articles")) > 0);
        Assert.Equal(1, PrometheusText.Sample(metrics, "contenthub_response_cache_hits_total"));
        Assert.Equal(2, PrometheusText.Sample(metrics, "contenthub_response_cache_entries")); // with and without the operation name
        Assert.True(PrometheusText.Sample(metrics, "contenthub_response_cache_bytes") > 2 * 768);
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_heap_total_allocated_bytes", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_count_rate_limited_requests()
    {
        using var factory = new CustomContentHubFactory(
            ("Observability:Prometheus:Path", "/metrics"), ("Http:RateLimitBurst", "2"), ("Http:RateLimitPerSecond", "1"));
        using var client = factory.CreateClient();

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostOperationAsync(Articles, "Articles")).Status);
        }

        var metrics = await client.GetStringAsync("/metrics");

        var limited = statuses.Count(status => status == 429);
        Assert.True(limited > 0, "no request was rate limited");
        Assert.Equal(limited, PrometheusText.Sample(metrics, Refused, ("error_code", "RATE_LIMITED")));
    }

    [Fact]
    public async Task Should_report_requests_but_not_the_aspnetcore_meters_that_cost_more_than_they_tell()
    {
        using var factory = new CustomContentHubFactory(("Observability:Prometheus:Path", "/metrics"), ("Http:RateLimitBurst", "2"), ("Http:RateLimitPerSecond", "1"));
        using var client = await factory.CreateClientAsync(ApiKeyRole.Editor); // through authentication and the rate limiter

        for (var i = 0; i < 3; i++)
        {
            await client.PostOperationAsync(Articles, "Articles");
        }

        var metrics = await client.ScrapeAsync(until: text => text.Contains("http_server_request_duration_seconds_count", StringComparison.Ordinal));

        Assert.DoesNotContain("aspnetcore_routing_", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("aspnetcore_authentication_", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("aspnetcore_rate_limiting_", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("aspnetcore_memory_pool_", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_label_operation_names_past_the_cap_as_other()
    {
        using var factory = new CustomContentHubFactory(("Observability:Prometheus:Path", "/metrics"), ("Observability:MaxOperationNames", "2"));
        using var client = factory.CreateClient();

        foreach (var name in new[] { "First", "Second", "Third", "Fourth", "First" })
        {
            (await client.PostOperationAsync($"query {name} {{ articles(first: 1) {{ totalCount }} }}", name)).AssertData();
        }

        var metrics = await client.ScrapeAsync(until: text =>
            PrometheusText.Sample(text, Duration, ("graphql_operation_name", "First")) == 2 && PrometheusText.Sample(text, Duration, ("graphql_operation_name", "other")) == 2);

        Assert.Equal(["First", "Second", "other"], PrometheusText.LabelValues(metrics, Duration, "graphql_operation_name").Order());
        Assert.Equal(2, PrometheusText.Sample(metrics, Duration, ("graphql_operation_name", "First")));
        Assert.Equal(2, PrometheusText.Sample(metrics, Duration, ("graphql_operation_name", "other")));
    }

    [Fact]
    public async Task Should_serve_metrics_only_on_the_configured_port()
    {
        var metricsPort = FreePort();
        using var factory = new CustomContentHubFactory(("Observability:Prometheus:Path", "/metrics"), ("Observability:Prometheus:Port", $"{metricsPort}"));
        factory.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, metricsPort);
        });
        factory.StartServer();
        var publicAddress = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Single(address => !address.EndsWith($":{metricsPort}", StringComparison.Ordinal));
        using var client = new HttpClient();

        var onPublicPort = await client.GetAsync($"{publicAddress}/metrics");
        using var pretendingHost = new HttpRequestMessage(HttpMethod.Get, $"{publicAddress}/metrics") { Headers = { Host = $"localhost:{metricsPort}" } };
        var withMetricsPortInHost = await client.SendAsync(pretendingHost);
        var onMetricsPort = await client.GetAsync($"http://127.0.0.1:{metricsPort}/metrics");

        Assert.Equal(HttpStatusCode.NotFound, onPublicPort.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withMetricsPortInHost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onMetricsPort.StatusCode);
        Assert.Contains("http_server_request_duration_seconds", await onMetricsPort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
