using System.Net;
using System.Net.Http.Headers;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Tests.Access;

/// <summary>API keys: created (with a role and the person they stand for), listed and revoked by the CLI; a good key identifies its holder, a bad one is refused.</summary>
public abstract class ApiKeyTests
{
    private const string Introspection = "{ __schema { queryType { name } } }";

    private readonly ContentHubFactory _factory;

    private ApiKeyTests(ContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_create_list_and_revoke_keys_with_the_cli()
    {
        await PersonMutations.CreatePublishedPersonAsync(await _factory.CreateClientAsync(ApiKeyRole.Admin, "Key Admin"), "Jane Doe");
        var created = await ServerProcess.RunAsync(
            ["keys", "create", "--name", "Jane Reviewer", "--role", "medicalReviewer", "--person", "jane-doe"], _factory);
        var nobody = await ServerProcess.RunAsync(["keys", "create", "--name", "Nobody", "--role", "writer", "--person", "no-such-person"], _factory);
        var token = created.StandardOutput.Trim().Split('\n')[^1];
        var keyId = token["chk_".Length..("chk_".Length + ApiKeyToken.KeyIdLength)];

        var listed = await ServerProcess.RunAsync(["keys", "list"], _factory);
        var accepted = await SendAsync(_factory, token, "{ site { name } }");
        var revoked = await ServerProcess.RunAsync(["keys", "revoke", keyId], _factory);
        var refused = await SendAsync(_factory, token, "{ site { name } }");

        Assert.Equal(0, created.ExitCode);
        Assert.StartsWith("chk_", token, StringComparison.Ordinal);
        Assert.Contains($"{keyId}  medicalReviewer  active", listed.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Jane Reviewer (person jane-doe)", listed.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, nobody.ExitCode);
        Assert.Contains("No person has the slug 'no-such-person'", nobody.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Nobody", listed.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(token, listed.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [SkippableTheory]
    [InlineData("Bearer chk_not-a-key")]
    [InlineData("Bearer chk_AAAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Should_refuse_a_request_with_a_bad_key_instead_of_serving_it_anonymously(string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7Bsite%7Bname%7D%7D");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await _factory.CreateClient().SendAsync(request);
        var body = await GraphQLResponse.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("UNAUTHENTICATED", body.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Should_open_editors_only_introspection_to_key_holders()
    {
        using var editorsOnly = _factory.WithWebHostBuilder(builder => builder.UseSetting("GraphQL:Introspection", "Editors"));
        var (_, token) = await editorsOnly.Services.GetRequiredService<ApiKeyStore>().CreateAsync("IDE user", ApiKeyRole.Editor, CancellationToken.None);

        var editor = await SendAsync(editorsOnly, token, Introspection);
        var anonymous = await editorsOnly.CreateClient().PostQueryAsync(Introspection);

        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
        Assert.Equal(400, anonymous.Status);
    }

    [SkippableFact]
    public async Task Should_rate_limit_each_key_apart_from_anonymous_callers()
    {
        using var limited = _factory.WithWebHostBuilder(builder => builder
            .UseSetting("Http:RateLimitBurst", "3")
            .UseSetting("Http:RateLimitPerSecond", "1"));
        var (_, token) = await limited.Services.GetRequiredService<ApiKeyStore>().CreateAsync("Busy editor", ApiKeyRole.Editor, CancellationToken.None);
        var anonymous = limited.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await anonymous.GetAsync("/graphql?query=%7Bsite%7Bname%7D%7D");
        }

        var anonymousNext = await anonymous.GetAsync("/graphql?query=%7Bsite%7Bname%7D%7D");
        var editorNext = await SendAsync(limited, token, "{ site { name } }");

        Assert.Equal(HttpStatusCode.TooManyRequests, anonymousNext.StatusCode);
        Assert.Equal(HttpStatusCode.OK, editorNext.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(WebApplicationFactory<Program> app, string token, string query)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.PostAsync("/graphql", new StringContent(
            System.Text.Json.JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json"));
    }

    public sealed class OnSqlite(ContentHubFactory factory) : ApiKeyTests(factory), IClassFixture<ContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlContentHubFactory factory) : ApiKeyTests(factory), IClassFixture<PostgreSqlContentHubFactory>;
}
