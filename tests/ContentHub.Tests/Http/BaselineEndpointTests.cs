using System.Net;
using ContentHub.Server.Benchmarking;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Http;

/// <summary>The load runs' fixed-JSON baseline exists only when a setting asks for it.</summary>
public sealed class BaselineEndpointTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    [Fact]
    public async Task Should_not_serve_the_baseline_by_default()
    {
        using var response = await factory.CreateClient().GetAsync(BaselineEndpoint.Path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Should_serve_constant_json_when_enabled()
    {
        using var app = factory.WithWebHostBuilder(builder => builder.UseSetting(BaselineEndpoint.Setting, "true"));
        var client = app.CreateClient();

        using var first = await client.GetAsync(BaselineEndpoint.Path);
        using var second = await client.GetAsync(BaselineEndpoint.Path);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());
        var body = await first.Content.ReadAsStringAsync();
        Assert.Equal("ContentHub", System.Text.Json.Nodes.JsonNode.Parse(body)!["data"]!["site"]!["name"]!.GetValue<string>());
        Assert.Equal(body, await second.Content.ReadAsStringAsync());
    }
}
