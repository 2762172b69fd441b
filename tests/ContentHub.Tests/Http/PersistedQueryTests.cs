using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Http;

/// <summary>Apollo's automatic persisted queries: an unknown hash asks for the text, which is then kept, over POST and GET.</summary>
public sealed class PersistedQueryTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    [Fact]
    public async Task Should_ask_for_an_unknown_hash_then_run_it_by_hash_once_registered()
    {
        const string query = "query PersistedSite { site { name } }";
        var client = factory.CreateClient();

        var unknown = await PostAsync(client, new { extensions = Extensions(query) });
        var registered = await PostAsync(client, new { query, extensions = Extensions(query) });
        var byHash = await PostAsync(client, new { extensions = Extensions(query) });

        Assert.Equal(200, unknown.Status);
        Assert.Null(unknown.Data);
        Assert.Equal("PersistedQueryNotFound", unknown.Errors![0]!["message"]!.GetValue<string>());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(unknown));
        Assert.Equal("Back to Life Blog", registered.AssertData()["site"]!["name"]!.GetValue<string>());
        Assert.Equal(registered.Body, byHash.Body);
    }

    [Fact]
    public async Task Should_work_over_get_with_the_extension_in_the_query_string()
    {
        const string query = "query PersistedOverGet { site { tagline } }";
        var client = factory.CreateClient();
        var url = "/graphql?extensions=" + Uri.EscapeDataString($$$"""{"persistedQuery":{"version":1,"sha256Hash":"{{{Sha256(query)}}}"}}""");

        var unknown = await GetAsync(client, url);
        var registered = await GetAsync(client, url + "&query=" + Uri.EscapeDataString(query));
        var byHash = await GetAsync(client, url);

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(unknown));
        registered.AssertData();
        byHash.AssertData();
        Assert.Equal(registered.Body, byHash.Body);
    }

    [Fact]
    public async Task Should_refuse_a_query_that_does_not_match_its_hash_and_keep_nothing()
    {
        var client = factory.CreateClient();
        var extensions = Extensions("query Other { site { name } }");

        var mismatch = await PostAsync(client, new { query = "{ site { copyright } }", extensions });
        var byHash = await PostAsync(client, new { extensions });

        Assert.Equal(400, mismatch.Status);
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", Code(mismatch));
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(byHash));
    }

    [Fact]
    public async Task Should_refuse_a_malformed_extension()
    {
        var response = await PostAsync(factory.CreateClient(), new { extensions = new { persistedQuery = new { version = 2, sha256Hash = Sha256("{ site { name } }") } } });

        Assert.Equal(400, response.Status);
        Assert.Equal("BAD_REQUEST", Code(response));
    }

    internal static string Sha256(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    internal static object Extensions(string query) => new { persistedQuery = new { version = 1, sha256Hash = Sha256(query) } };

    internal static string Code(GraphQLResponse response) => response.Errors![0]!["extensions"]!["code"]!.GetValue<string>();

    internal static async Task<GraphQLResponse> PostAsync(HttpClient client, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(body) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(GraphQLClient.ResponseMediaType));
        using var response = await client.SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }

    internal static async Task<GraphQLResponse> GetAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(GraphQLClient.ResponseMediaType));
        using var response = await client.SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }
}
