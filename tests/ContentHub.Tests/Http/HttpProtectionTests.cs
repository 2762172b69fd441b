using System.Net;
using System.Text.Json.Nodes;
using ContentHub.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace ContentHub.Tests.Http;

/// <summary>Protections that are on by default: headers, CORS, rate limits, request ids and masked errors.</summary>
public sealed class HttpProtectionTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    [Theory]
    [InlineData("/graphql?query=%7Bsite%7Bname%7D%7D")]
    [InlineData("/health/live")]
    [InlineData("/graphql/")]
    public async Task Should_send_security_headers_on_every_response(string path)
    {
        using var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Should_tag_every_error_with_a_request_id()
    {
        var validation = await factory.CreateClient().PostQueryAsync("{ nope }");
        using var malformed = await factory.CreateClient().PostAsync("/graphql", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        var malformedJson = JsonNode.Parse(await malformed.Content.ReadAsStringAsync())!;

        Assert.False(string.IsNullOrEmpty(validation.Errors![0]!["extensions"]!["requestId"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(malformedJson["errors"]![0]!["extensions"]!["requestId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Should_allow_only_configured_front_end_origins()
    {
        using var app = factory.WithWebHostBuilder(builder => builder.UseSetting("Http:CorsOrigins:0", "https://blog.example/"));
        var client = app.CreateClient();

        var allowed = await PreflightAsync(client, "https://blog.example");
        var refused = await PreflightAsync(client, "https://evil.example");

        Assert.Equal("https://blog.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7Bsite%7Bname%7D%7D");
        request.Headers.Add("Origin", "https://blog.example");
        using var actual = await client.SendAsync(request);
        Assert.Contains("Retry-After", actual.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_429_with_retry_after_past_the_rate_limit()
    {
        using var app = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Http:RateLimitBurst", "5")
            .UseSetting("Http:RateLimitPerSecond", "1"));
        var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 8 && limited is null; i++)
        {
            var response = await client.GetAsync("/graphql?query=%7Bsite%7Bname%7D%7D");
            statuses.Add(response.StatusCode);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(limited);
        Assert.True(statuses.Count >= 6, $"limited too early: {string.Join(", ", statuses)}");
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var body = JsonNode.Parse(await limited.Content.ReadAsStringAsync())!;
        Assert.Equal("RATE_LIMITED", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Should_hide_schema_suggestions_from_anonymous_callers_in_production()
    {
        using var production = factory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

        var hidden = await production.CreateClient().PostQueryAsync("{ site { nam } }");
        var shown = await factory.CreateClient().PostQueryAsync("{ site { nam } }");

        Assert.DoesNotContain("Did you mean", hidden.Body, StringComparison.Ordinal);
        Assert.Contains("Did you mean", shown.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", hidden.Body, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PreflightAsync(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return await client.SendAsync(request);
    }
}
