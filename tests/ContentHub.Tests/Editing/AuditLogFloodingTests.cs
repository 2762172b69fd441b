using System.Diagnostics.Metrics;
using System.Net;
using ContentHub.Server.Editing;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Tests.Editing;

/// <summary>Mutations refused to callers without credentials are counted and rate-limited, not written to the audit log one per alias.</summary>
public sealed class AuditLogFloodingTests(FakeClockContentHubFactory factory) : IClassFixture<FakeClockContentHubFactory>
{
    private static readonly string s_thirtyAliases = "mutation { "
        + string.Concat(Enumerable.Range(0, 30).Select(i => $$"""a{{i}}: createArticle(input: { title: "Spam {{i}}" }) { errors { code } } """))
        + "}";

    [Fact]
    public async Task Should_count_refused_anonymous_mutations_instead_of_auditing_each_alias()
    {
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == UnauthenticatedRefusals.InstrumentName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();
        var entriesBefore = await AuditEntriesAsync();

        var responses = new List<GraphQLResponse>();
        for (var i = 0; i < 5; i++)
        {
            responses.Add(await factory.CreateClient().PostQueryAsync(s_thirtyAliases));
        }

        Assert.All(responses, response =>
        {
            Assert.Equal(30, response.Errors!.Count);
            Assert.All(response.Errors, error => Assert.Equal("UNAUTHENTICATED", error!["extensions"]!["code"]!.GetValue<string>()));
        });
        Assert.Equal(entriesBefore, await AuditEntriesAsync());
        Assert.Equal(150, Interlocked.Read(ref counted));
    }

    [Fact]
    public async Task Should_answer_429_once_an_address_has_sent_too_many_refused_mutations()
    {
        using var limited = factory.WithWebHostBuilder(builder => builder.UseSetting("Http:FailedAuthenticationsPerMinute", "3"));
        var client = limited.CreateClient();

        var allowed = new List<GraphQLResponse>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add(await client.PostQueryAsync(s_thirtyAliases));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(
            System.Text.Json.JsonSerializer.Serialize(new { query = s_thirtyAliases }), System.Text.Encoding.UTF8, "application/json") };
        using var fourth = await client.SendAsync(request);
        var reading = await client.PostQueryAsync("{ site { name } }");

        Assert.All(allowed, response => Assert.Equal("UNAUTHENTICATED", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.True(fourth.Headers.Contains("Retry-After"));
        Assert.Equal("RATE_LIMITED", (await GraphQLResponse.ReadAsync(fourth)).Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        reading.AssertData();
    }

    private async Task<int> AuditEntriesAsync()
    {
        await using var db = factory.CreateDbContext();
        return await db.AuditLog.CountAsync();
    }
}
