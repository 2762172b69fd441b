using System.Net;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Tests.Access;

/// <summary>Failed authentications cost an address its budget, and a key of the wrong shape costs no lookup at all.</summary>
public sealed class FailedAuthenticationTests(FakeClockContentHubFactory factory) : IClassFixture<FakeClockContentHubFactory>
{
    private const string Query = "/graphql?query=%7Bsite%7Bname%7D%7D";

    [Theory]
    [InlineData('!', 'A')]
    [InlineData('A', '+')]
    [InlineData('A', '/')]
    [InlineData('A', '=')]
    public async Task Should_refuse_a_key_of_the_right_length_but_wrong_alphabet_without_a_database_query(char lastOfKeyId, char lastOfSecret)
    {
        var token = $"chk_{new string('A', 11)}{lastOfKeyId}_{new string('A', 42)}{lastOfSecret}";
        _ = factory.Server; // started, so its start-up queries are behind us
        factory.SqlCommands.Reset();

        using var response = await SendAsync(factory, "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(factory.SqlCommands.Commands, command => command.Sql.Contains("ApiKeys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_answer_429_with_retry_after_once_an_address_has_failed_too_often()
    {
        using var limited = factory.WithWebHostBuilder(builder => builder.UseSetting("Http:FailedAuthenticationsPerMinute", "3"));
        var (_, validKey) = await limited.Services.GetRequiredService<ApiKeyStore>().CreateAsync("Office editor", ApiKeyRole.Editor, CancellationToken.None);

        // One of each kind of failure: an unknown key, a malformed one, a bad preview token.
        using var unknown = await SendAsync(limited, "Bearer chk_AAAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        using var malformed = await SendAsync(limited, "Bearer not-a-key");
        using var badPreview = await SendAsync(limited, authorization: null, previewToken: "forged");
        factory.SqlCommands.Reset();
        using var fourth = await SendAsync(limited, "Bearer chk_BBBBBBBBBBBB_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        using var validFromThere = await SendAsync(limited, "Bearer " + validKey);
        var lookups = factory.SqlCommands.Commands.Count(command => command.Sql.Contains("ApiKeys", StringComparison.Ordinal));
        using var anonymous = await SendAsync(limited, authorization: null);

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized],
            [unknown.StatusCode, malformed.StatusCode, badPreview.StatusCode]);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.InRange(int.Parse(fourth.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("RATE_LIMITED", (await GraphQLResponse.ReadAsync(fourth)).Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.TooManyRequests, validFromThere.StatusCode);
        Assert.Equal(0, lookups);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(WebApplicationFactory<Program> app, string? authorization, string? previewToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Query);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (previewToken is not null)
        {
            request.Headers.Add(PreviewTokens.Header, previewToken);
        }

        return await app.CreateClient().SendAsync(request);
    }
}
