using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ContentHub.Server.Benchmarking;
using ContentHub.Server.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Benchmarks;

/// <summary>
/// The four workloads of tests/ContentHub.Benchmarks/Workloads/ executed in process: an anonymous POST through the
/// whole pipeline (authentication, draft filtering, our endpoint) of the real server on TestServer, over SQLite
/// seeded with seed-data/ and 1,000 synthetic articles; the fixed-JSON baseline through the same pipeline is the
/// ratio's denominator. With <see cref="ResponseCache"/> off every request runs its SQL; on, a repeat is a cache hit.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRunConfig))]
public class WorkloadBenchmarks
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"contenthub-bench-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;
    private JsonObject _article = null!, _list = null!, _filteredPage3 = null!, _search = null!;

    [Params(false, true)]
    public bool ResponseCache { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _factory.Dispose();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }

    [Benchmark(Baseline = true)]
    public Task<byte[]> Baseline() => _client.GetByteArrayAsync(BaselineEndpoint.Path);

    [Benchmark]
    public Task<byte[]> ArticlePage() => PostAsync(_article);

    [Benchmark]
    public Task<byte[]> ListPage() => PostAsync(_list);

    [Benchmark]
    public Task<byte[]> FilteredListPage3() => PostAsync(_filteredPage3);

    [Benchmark]
    public Task<byte[]> Search() => PostAsync(_search);

    private async Task SetupAsync()
    {
        // BenchmarkDotNet's in-process toolchain hides the test manifest that points WebApplicationFactory at the
        // server's folder; the build output holds its appsettings.json and seed-data/ too.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CONTENTHUB_SERVER", AppContext.BaseDirectory);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting("ConnectionStrings:ContentHub", $"Data Source={_databasePath}")
            .UseSetting("Seeding:Path", Path.Combine(AppContext.BaseDirectory, "seed-data"))
            .UseSetting("Http:RateLimitBurst", "0")
            .UseSetting("Logging:LogLevel:Default", "Warning")
            .UseSetting(BaselineEndpoint.Setting, "true")
            .UseSetting("GraphQL:ResponseCache:Enabled", ResponseCache ? "true" : "false"));
        _client = _factory.CreateClient();
        await _factory.Services.GetRequiredService<SyntheticContent>().GenerateAsync(1_000, progress: null, CancellationToken.None);

        _article = Request("article");
        _list = Request("list");
        _search = Request("search");
        var filtered = Request("filtered");
        for (var page = 1; page < 3; page++)
        {
            var answer = JsonNode.Parse(await PostAsync(filtered))!;
            filtered["variables"] = new JsonObject { ["after"] = answer["data"]!["articles"]!["pageInfo"]!["endCursor"]!.GetValue<string>() };
        }

        _filteredPage3 = filtered;
        foreach (var request in new[] { _article, _list, _filteredPage3, _search })
        {
            var answer = JsonNode.Parse(await PostAsync(request))!;
            if (answer["errors"] is not null || answer["data"] is null)
            {
                throw new InvalidOperationException($"A workload does not answer cleanly: {answer.ToJsonString()[..Math.Min(400, answer.ToJsonString().Length)]}");
            }
        }
    }

    private static JsonObject Request(string workload) =>
        new() { ["query"] = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Workloads", workload + ".graphql")) };

    private async Task<byte[]> PostAsync(JsonObject request)
    {
        using var response = await _client.PostAsJsonAsync("/graphql", request);
        return await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();
    }
}
